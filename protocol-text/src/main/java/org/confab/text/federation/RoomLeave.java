package org.confab.text.federation;

import java.util.Objects;

/** A user of the calling host leaves a room owned by this host. */
public record RoomLeave(String fromHost, String msgId, String room, String sender) implements FederationRequest {

    public static final String TYPE = "room_leave";

    public RoomLeave {
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(sender, "sender");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
