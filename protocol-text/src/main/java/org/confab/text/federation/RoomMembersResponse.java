package org.confab.text.federation;

import java.util.List;
import java.util.Objects;

/** The answer to {@link RoomMembersRequest}: everyone in the room, local and remote. */
public record RoomMembersResponse(String room, List<RoomMember> members) implements FederationResponse {

    public RoomMembersResponse {
        Objects.requireNonNull(room, "room");
        members = List.copyOf(members);
    }
}
