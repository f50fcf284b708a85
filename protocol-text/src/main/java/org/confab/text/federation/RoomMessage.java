package org.confab.text.federation;

import java.util.Objects;

/** A chat line from a user of the calling host to a room owned by this host; wire payload {@code {"text": ...}}. */
public record RoomMessage(String fromHost, String msgId, String room, String sender, String text) implements FederationRequest {

    public static final String TYPE = "room_message";

    public RoomMessage {
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
