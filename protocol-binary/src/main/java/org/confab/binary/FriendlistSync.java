package org.confab.binary;

import java.util.List;

/** 261, S->C: the server's friendlist, sent when the client asked for it in {@link UserListsSync}. */
public record FriendlistSync(List<String> userIds) implements VcomPacket {

    public static final int ID = 261;

    public FriendlistSync {
        userIds = List.copyOf(userIds);
    }

    @Override
    public int id() {
        return ID;
    }
}
