package org.confab.storage;

import java.time.Instant;
import java.util.List;

/** Bans by account name (case-insensitive); a ban does not depend on the account existing. */
public final class BanRepository {

    private static final int MAX_REASON = 1000;

    private final Db db;

    BanRepository(Db db) {
        this.db = db;
    }

    /** False if the name was already banned (the first ban's reason is kept). */
    public boolean ban(String accountName, String reason, String by) {
        Names.require(accountName, Names.MAX_NAME, "account name");
        Names.require(by, Names.MAX_NAME, "banned by");
        if (reason != null && reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("ban reason longer than " + MAX_REASON + " characters");
        }
        Instant now = Sql.now();
        return db.tx("ban " + accountName, sql -> sql.insertIfAbsent(
                "INSERT INTO bans (name_key, account_name, reason, banned_at, banned_by) VALUES (?, ?, ?, ?, ?)",
                Names.key(accountName), accountName, reason, now, by));
    }

    public boolean unban(String accountName) {
        return db.tx("unban " + accountName,
                sql -> sql.update("DELETE FROM bans WHERE name_key = ?", Names.key(accountName)) > 0);
    }

    public boolean isBanned(String accountName) {
        return db.tx("check ban of " + accountName,
                sql -> sql.exists("SELECT 1 FROM bans WHERE name_key = ?", Names.key(accountName)));
    }

    /** All bans, oldest first. */
    public List<BanRecord> list() {
        return db.tx("list bans", sql -> sql.list(
                "SELECT account_name, reason, banned_at, banned_by FROM bans ORDER BY id",
                rs -> new BanRecord(rs.getString("account_name"), rs.getString("reason"),
                        rs.getObject("banned_at", Instant.class), rs.getString("banned_by"))));
    }
}
