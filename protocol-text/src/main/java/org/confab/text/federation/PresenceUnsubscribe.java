package org.confab.text.federation;

import java.util.Objects;

/** Ends a {@link PresenceSubscribe}. */
public record PresenceUnsubscribe(String fromHost, String msgId, String subscriber, String target) implements FederationRequest {

    public static final String TYPE = "presence_unsubscribe";

    public PresenceUnsubscribe {
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
