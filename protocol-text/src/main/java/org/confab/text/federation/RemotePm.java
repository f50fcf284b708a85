package org.confab.text.federation;

import java.util.Objects;

/** A private message from {@code sender} on the calling host to {@code recipient} here. */
public record RemotePm(String fromHost, String msgId, String sender, String recipient, String message) implements FederationRequest {

    public static final String TYPE = "remote_pm";

    public RemotePm {
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
