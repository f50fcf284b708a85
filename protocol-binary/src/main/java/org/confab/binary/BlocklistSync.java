package org.confab.binary;

import java.util.List;

/** 262, S->C: the server's blocklist, sent when the client asked for it in {@link UserListsSync}. */
public record BlocklistSync(List<String> userIds) implements VcomPacket {

    public static final int ID = 262;

    public BlocklistSync {
        userIds = List.copyOf(userIds);
    }

    @Override
    public int id() {
        return ID;
    }
}
