package org.confab.storage;

import java.time.Instant;
import java.util.List;

/** Stored room membership, which makes an account a member of the room's vCom group. */
public final class MembershipRepository {

    private final Db db;

    MembershipRepository(Db db) {
        this.db = db;
    }

    /** False if the account already was a member. The room and account must exist. */
    public boolean add(int roomId, long accountId) {
        Instant now = Sql.now();
        return db.tx("add account #" + accountId + " to room #" + roomId, sql -> sql.insertIfAbsent(
                "INSERT INTO memberships (room_id, account_id, joined_at) VALUES (?, ?, ?)", roomId, accountId, now));
    }

    public boolean remove(int roomId, long accountId) {
        return db.tx("remove account #" + accountId + " from room #" + roomId, sql -> sql.update(
                "DELETE FROM memberships WHERE room_id = ? AND account_id = ?", roomId, accountId) > 0);
    }

    public boolean isMember(int roomId, long accountId) {
        return db.tx("check membership in room #" + roomId, sql -> sql.exists(
                "SELECT 1 FROM memberships WHERE room_id = ? AND account_id = ?", roomId, accountId));
    }

    /** Member account ids, ascending. */
    public List<Long> members(int roomId) {
        return db.tx("list members of room #" + roomId, sql -> sql.list(
                "SELECT account_id FROM memberships WHERE room_id = ? ORDER BY account_id",
                rs -> rs.getLong(1), roomId));
    }

    /** Room ids the account is a member of, ascending. */
    public List<Integer> roomsOf(long accountId) {
        return db.tx("list rooms of account #" + accountId, sql -> sql.list(
                "SELECT room_id FROM memberships WHERE account_id = ? ORDER BY room_id",
                rs -> rs.getInt(1), accountId));
    }
}
