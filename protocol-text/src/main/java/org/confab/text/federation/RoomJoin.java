package org.confab.text.federation;

import java.util.Objects;

/** A user of the calling host enters a room owned by this host. */
public record RoomJoin(String fromHost, String msgId, String room, String sender) implements FederationRequest {

    public static final String TYPE = "room_join";

    public RoomJoin {
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
