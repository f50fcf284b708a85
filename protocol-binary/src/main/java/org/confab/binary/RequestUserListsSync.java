package org.confab.binary;

/**
 * 259, S->C: the server's list timestamps, in milliseconds since the epoch (0 for a list never
 * stored); the client answers with {@link UserListsSync}.
 */
public record RequestUserListsSync(long friendlistTs, long blocklistTs) implements VcomPacket {

    public static final int ID = 259;

    @Override
    public int id() {
        return ID;
    }
}
