package org.confab.text.federation;

import java.util.Objects;

/** {@code user} of the calling host came online or went offline. */
public record PresenceUpdate(String fromHost, String msgId, String user, boolean online) implements FederationRequest {

    public static final String TYPE = "presence_update";

    public PresenceUpdate {
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(user, "user");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
