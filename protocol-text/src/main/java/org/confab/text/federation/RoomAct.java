package org.confab.text.federation;

import java.util.Objects;

/** An {@code /act} line from a user of the calling host to a room owned by this host; wire payload {@code {"act": ...}}. */
public record RoomAct(String fromHost, String msgId, String room, String sender, String act) implements FederationRequest {

    public static final String TYPE = "room_act";

    public RoomAct {
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(act, "act");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
