package org.confab.binary;

import java.util.Objects;

/** 260, C->S: the client's answer to {@link RequestUserListsSync}, or its own notice that a list changed. */
public record UserListsSync(ListSync friends, ListSync blocked) implements VcomPacket {

    public static final int ID = 260;

    public UserListsSync {
        Objects.requireNonNull(friends, "friends");
        Objects.requireNonNull(blocked, "blocked");
    }

    @Override
    public int id() {
        return ID;
    }
}
