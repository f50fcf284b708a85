package org.confab.text.federation;

import java.util.Objects;

/** {@code subscriber} on the calling host wants {@code online}/{@code offline} updates about {@code target} here. */
public record PresenceSubscribe(String fromHost, String msgId, String subscriber, String target) implements FederationRequest {

    public static final String TYPE = "presence_subscribe";

    public PresenceSubscribe {
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
