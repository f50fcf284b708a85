package org.confab.text.federation;

import java.util.Objects;

/** One entry of a {@link RoomMembersResponse}: a user and the host the user belongs to. */
public record RoomMember(String username, String origin) {

    public RoomMember {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(origin, "origin");
    }
}
