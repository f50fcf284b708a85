package org.confab.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Metadata of uploaded files. Deleting an account deletes its rows here; the files on disk
 * are the caller's to remove.
 */
public final class UploadRepository {

    private static final String SELECT =
            "SELECT id, account_id, file_name, content_type, size_bytes, created_at FROM uploads ";

    private final Db db;

    UploadRepository(Db db) {
        this.db = db;
    }

    /** The id must be new and the account must exist. */
    public void insert(UploadRecord upload) {
        Objects.requireNonNull(upload.createdAt(), "createdAt");
        db.tx("record upload " + upload.id(), sql -> sql.update(
                "INSERT INTO uploads (id, account_id, file_name, content_type, size_bytes, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                upload.id(), upload.accountId(), upload.fileName(), upload.contentType(), upload.size(),
                upload.createdAt()));
    }

    public Optional<UploadRecord> find(String id) {
        return db.tx("find upload " + id, sql -> sql.first(SELECT + "WHERE id = ?", UploadRepository::row, id));
    }

    /** Uploads created strictly before {@code cutoff}, oldest first: the retention sweep. */
    public List<UploadRecord> olderThan(Instant cutoff) {
        return db.tx("list uploads before " + cutoff, sql -> sql.list(
                SELECT + "WHERE created_at < ? ORDER BY created_at, id", UploadRepository::row, cutoff));
    }

    public boolean delete(String id) {
        return db.tx("delete upload " + id, sql -> sql.update("DELETE FROM uploads WHERE id = ?", id) > 0);
    }

    public int countByAccount(long accountId) {
        return db.tx("count uploads of account #" + accountId, sql -> Math.toIntExact(
                sql.queryLong("SELECT COUNT(*) FROM uploads WHERE account_id = ?", accountId)));
    }

    public long bytesByAccount(long accountId) {
        return db.tx("sum uploads of account #" + accountId, sql -> sql.queryLong(
                "SELECT COALESCE(SUM(size_bytes), 0) FROM uploads WHERE account_id = ?", accountId));
    }

    private static UploadRecord row(ResultSet rs) throws SQLException {
        return new UploadRecord(rs.getString("id"), rs.getLong("account_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getObject("created_at", Instant.class));
    }
}
