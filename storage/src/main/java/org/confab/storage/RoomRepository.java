package org.confab.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rooms, unique by name case-insensitively. Ids are never reused, so a vCom client's group id
 * can never come to mean another room. Protecting the default room {@code general} from
 * deletion is the caller's policy.
 */
public final class RoomRepository {

    private static final String SELECT = "SELECT id, name, created_at FROM rooms ";

    private final Db db;

    RoomRepository(Db db) {
        this.db = db;
    }

    /** Empty when the name is taken, in any case. */
    public Optional<RoomRecord> create(String name) {
        Names.require(name, Names.MAX_NAME, "room name");
        Instant now = Sql.now();
        return db.tx("create room " + name, sql -> {
            var id = sql.insertKeyIfAbsent("INSERT INTO rooms (name, name_key, created_at) VALUES (?, ?, ?)",
                    name, Names.key(name), now);
            return id.isPresent()
                    ? Optional.of(new RoomRecord(Math.toIntExact(id.getAsLong()), name, now))
                    : Optional.empty();
        });
    }

    public Optional<RoomRecord> findByName(String name) {
        return db.tx("find room " + name,
                sql -> sql.first(SELECT + "WHERE name_key = ?", RoomRepository::row, Names.key(name)));
    }

    public Optional<RoomRecord> findById(int id) {
        return db.tx("find room #" + id, sql -> sql.first(SELECT + "WHERE id = ?", RoomRepository::row, id));
    }

    /** All rooms, by id (creation order). */
    public List<RoomRecord> list() {
        return db.tx("list rooms", sql -> sql.list(SELECT + "ORDER BY id", RoomRepository::row));
    }

    /** Deletes the room and its memberships. */
    public boolean delete(String name) {
        return db.tx("delete room " + name,
                sql -> sql.update("DELETE FROM rooms WHERE name_key = ?", Names.key(name)) > 0);
    }

    private static RoomRecord row(ResultSet rs) throws SQLException {
        return new RoomRecord(rs.getInt("id"), rs.getString("name"), rs.getObject("created_at", Instant.class));
    }
}
