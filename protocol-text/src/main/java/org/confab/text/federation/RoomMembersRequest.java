package org.confab.text.federation;

import java.util.Objects;

/** Asks the room's home host who is in it; answered by {@link RoomMembersResponse}. */
public record RoomMembersRequest(String fromHost, String msgId, String room) implements FederationRequest {

    public static final String TYPE = "room_members_request";

    public RoomMembersRequest {
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(room, "room");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<RoomMembersResponse> responseType() {
        return RoomMembersResponse.class;
    }
}
