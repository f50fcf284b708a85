package org.confab.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** vCom device ids: positive, unique on this server, never reused. */
public final class DeviceRepository {

    private final Db db;

    DeviceRepository(Db db) {
        this.db = db;
    }

    /** Issues a new device id to an existing account. */
    public int issue(long accountId) {
        Instant now = Sql.now();
        return db.tx("issue device to account #" + accountId, sql -> Math.toIntExact(
                sql.insert("INSERT INTO devices (account_id, created_at) VALUES (?, ?)", accountId, now)));
    }

    public boolean belongsTo(long accountId, int deviceId) {
        return db.tx("check device " + deviceId, sql -> sql.exists(
                "SELECT 1 FROM devices WHERE id = ? AND account_id = ?", deviceId, accountId));
    }

    /** The account's devices, oldest first. */
    public List<DeviceRecord> list(long accountId) {
        return db.tx("list devices of account #" + accountId, sql -> sql.list(
                "SELECT id, created_at, last_seen FROM devices WHERE account_id = ? ORDER BY id",
                rs -> new DeviceRecord(rs.getInt("id"), rs.getObject("created_at", Instant.class),
                        rs.getObject("last_seen", Instant.class)),
                accountId));
    }

    /** Does nothing unless the device belongs to the account. */
    public void touch(long accountId, int deviceId, Instant at) {
        Objects.requireNonNull(at, "at");
        db.tx("touch device " + deviceId, sql -> sql.update(
                "UPDATE devices SET last_seen = ? WHERE id = ? AND account_id = ?", at, deviceId, accountId));
    }
}
