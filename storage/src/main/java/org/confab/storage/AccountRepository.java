package org.confab.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Accounts, shared by every protocol. Names are unique case-insensitively, kept as registered. */
public final class AccountRepository {

    private static final String SELECT =
            "SELECT id, name, password_hash, created_at, last_seen FROM accounts ";

    private final Db db;

    AccountRepository(Db db) {
        this.db = db;
    }

    /** Empty when the name is taken, in any case. */
    public Optional<AccountRecord> create(String name, String passwordHash) {
        Names.require(name, Names.MAX_NAME, "account name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Instant now = Sql.now();
        return db.tx("create account " + name, sql -> {
            var id = sql.insertKeyIfAbsent(
                    "INSERT INTO accounts (name, name_key, password_hash, created_at) VALUES (?, ?, ?, ?)",
                    name, Names.key(name), passwordHash, now);
            return id.isPresent()
                    ? Optional.of(new AccountRecord(id.getAsLong(), name, passwordHash, now, null))
                    : Optional.empty();
        });
    }

    public Optional<AccountRecord> findByName(String name) {
        return db.tx("find account " + name,
                sql -> sql.first(SELECT + "WHERE name_key = ?", AccountRepository::row, Names.key(name)));
    }

    public Optional<AccountRecord> findById(long id) {
        return db.tx("find account #" + id,
                sql -> sql.first(SELECT + "WHERE id = ?", AccountRepository::row, id));
    }

    /** All accounts in registration order. */
    public List<AccountRecord> list() {
        return db.tx("list accounts", sql -> sql.list(SELECT + "ORDER BY id", AccountRepository::row));
    }

    /** Deletes the account with its devices, lists, memberships, offline messages and uploads. */
    public boolean delete(String name) {
        return db.tx("delete account " + name,
                sql -> sql.update("DELETE FROM accounts WHERE name_key = ?", Names.key(name)) > 0);
    }

    public boolean updatePasswordHash(String name, String passwordHash) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        return db.tx("update password of " + name, sql -> sql.update(
                "UPDATE accounts SET password_hash = ? WHERE name_key = ?", passwordHash, Names.key(name)) > 0);
    }

    /** Does nothing for an unknown id (the account may have been deleted meanwhile). */
    public void touchLastSeen(long id, Instant at) {
        Objects.requireNonNull(at, "at");
        db.tx("touch account #" + id, sql -> sql.update("UPDATE accounts SET last_seen = ? WHERE id = ?", at, id));
    }

    public long count() {
        return db.tx("count accounts", sql -> sql.queryLong("SELECT COUNT(*) FROM accounts"));
    }

    private static AccountRecord row(ResultSet rs) throws SQLException {
        return new AccountRecord(rs.getLong("id"), rs.getString("name"), rs.getString("password_hash"),
                rs.getObject("created_at", Instant.class), rs.getObject("last_seen", Instant.class));
    }
}
