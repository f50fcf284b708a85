package org.confab.storage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Friend and block lists. Entries ({@code user} or {@code user@host}) are unique per list
 * case-insensitively and keep the case and order they were given in. Every change sets the
 * list's timestamp to the one given.
 *
 * <p>Each change first locks its account's row, so that concurrent changes to one account's
 * lists run one after the other instead of interleaving their statements. Changing the lists
 * of an account that does not exist does nothing.
 */
public final class UserListRepository {

    private record EntryRow(long timestampMillis, String entry) {
    }

    private final Db db;

    UserListRepository(Db db) {
        this.db = db;
    }

    public UserList get(long accountId, ListKind kind) {
        // One statement, so the timestamp and the entries come from the same snapshot.
        return db.tx("read " + kind + " of account #" + accountId, sql -> {
            List<EntryRow> rows = sql.list("""
                    SELECT l.updated_at, e.entry FROM user_lists l
                    LEFT JOIN user_list_entries e ON e.account_id = l.account_id AND e.kind = l.kind
                    WHERE l.account_id = ? AND l.kind = ? ORDER BY e.seq""",
                    rs -> new EntryRow(rs.getLong(1), rs.getString(2)), accountId, kind.name());
            if (rows.isEmpty()) {
                return UserList.NEVER_STORED;
            }
            List<String> entries = new ArrayList<>();
            for (EntryRow row : rows) {
                if (row.entry() != null) { // an empty list joins to one row without an entry
                    entries.add(row.entry());
                }
            }
            return new UserList(entries, rows.get(0).timestampMillis());
        });
    }

    /** Replaces the whole list; a later duplicate (ignoring case) of an entry is dropped. */
    public void replace(long accountId, ListKind kind, List<String> entries, long timestampMillis) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String entry : entries) {
            unique.putIfAbsent(key(entry), entry);
        }
        db.tx("replace " + kind + " of account #" + accountId, sql -> {
            if (lockAccount(sql, accountId)) {
                sql.update("DELETE FROM user_list_entries WHERE account_id = ? AND kind = ?", accountId, kind.name());
                int seq = 0;
                for (Map.Entry<String, String> e : unique.entrySet()) {
                    insertEntry(sql, accountId, kind, ++seq, e.getValue(), e.getKey());
                }
                stamp(sql, accountId, kind, timestampMillis);
            }
            return null;
        });
    }

    /** Appends the entry; false (and the timestamp unchanged) if the list already has it. */
    public boolean add(long accountId, ListKind kind, String entry, long timestampMillis) {
        String key = key(entry);
        return db.tx("add to " + kind + " of account #" + accountId, sql -> {
            if (!lockAccount(sql, accountId) || contains(sql, accountId, kind, key)) {
                return false;
            }
            long seq = sql.queryLong("SELECT COALESCE(MAX(seq), 0) + 1 FROM user_list_entries"
                    + " WHERE account_id = ? AND kind = ?", accountId, kind.name());
            insertEntry(sql, accountId, kind, Math.toIntExact(seq), entry, key);
            stamp(sql, accountId, kind, timestampMillis);
            return true;
        });
    }

    /** False (and the timestamp unchanged) if the list did not have the entry. */
    public boolean remove(long accountId, ListKind kind, String entry, long timestampMillis) {
        String key = key(entry);
        return db.tx("remove from " + kind + " of account #" + accountId, sql -> {
            if (!lockAccount(sql, accountId) || sql.update(
                    "DELETE FROM user_list_entries WHERE account_id = ? AND kind = ? AND entry_key = ?",
                    accountId, kind.name(), key) == 0) {
                return false;
            }
            stamp(sql, accountId, kind, timestampMillis);
            return true;
        });
    }

    /** Empties the list; it then reads as empty with this timestamp, not as never stored. */
    public void clear(long accountId, ListKind kind, long timestampMillis) {
        db.tx("clear " + kind + " of account #" + accountId, sql -> {
            if (lockAccount(sql, accountId)) {
                sql.update("DELETE FROM user_list_entries WHERE account_id = ? AND kind = ?", accountId, kind.name());
                stamp(sql, accountId, kind, timestampMillis);
            }
            return null;
        });
    }

    public boolean contains(long accountId, ListKind kind, String entry) {
        String key = key(entry);
        return db.tx("look up " + kind + " of account #" + accountId, sql -> contains(sql, accountId, kind, key));
    }

    /** Ids of the accounts whose list of this kind holds the entry, ascending. */
    public List<Long> accountsListing(ListKind kind, String entry) {
        String key = key(entry);
        return db.tx("find " + kind + " lists holding " + entry, sql -> sql.list(
                "SELECT account_id FROM user_list_entries WHERE kind = ? AND entry_key = ? ORDER BY account_id",
                rs -> rs.getLong(1), kind.name(), key));
    }

    private static String key(String entry) {
        return Names.key(Names.require(entry, Names.MAX_ENTRY, "list entry"));
    }

    private static boolean lockAccount(Sql sql, long accountId) throws SQLException {
        return sql.exists("SELECT id FROM accounts WHERE id = ? FOR UPDATE", accountId);
    }

    private static boolean contains(Sql sql, long accountId, ListKind kind, String key) throws SQLException {
        return sql.exists("SELECT 1 FROM user_list_entries WHERE account_id = ? AND kind = ? AND entry_key = ?",
                accountId, kind.name(), key);
    }

    private static void insertEntry(Sql sql, long accountId, ListKind kind, int seq, String entry, String key)
            throws SQLException {
        sql.update("INSERT INTO user_list_entries (account_id, kind, seq, entry, entry_key) VALUES (?, ?, ?, ?, ?)",
                accountId, kind.name(), seq, entry, key);
    }

    private static void stamp(Sql sql, long accountId, ListKind kind, long timestampMillis)
            throws SQLException {
        sql.update("MERGE INTO user_lists (account_id, kind, updated_at) KEY (account_id, kind) VALUES (?, ?, ?)",
                accountId, kind.name(), timestampMillis);
    }
}
