package org.confab.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Parameterised statements on the connection of one transaction. */
final class Sql {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** SQLSTATE of a unique or primary key violation. */
    private static final String DUPLICATE_KEY = "23505";

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    /**
     * The current time at the precision the schema stores (milliseconds), so that a record
     * built from it equals the same row read back.
     */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, false, args)) {
            return ps.executeUpdate();
        }
    }

    /** Inserts one row and returns its generated key. */
    long insert(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, true, args)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * Inserts unless a unique key already holds the row. The constraint decides, not a prior
     * read, so two racing inserts cannot both succeed. False only once the row that holds the
     * key is on disk (see {@link #awaitDuplicateOnDisk}).
     */
    boolean insertIfAbsent(String sql, Object... args) throws SQLException {
        try {
            update(sql, args);
            return true;
        } catch (SQLException e) {
            awaitDuplicateOnDisk(e);
            return false;
        }
    }

    /** Like {@link #insertIfAbsent}, returning the generated key of the new row. */
    OptionalLong insertKeyIfAbsent(String sql, Object... args) throws SQLException {
        try {
            return OptionalLong.of(insert(sql, args));
        } catch (SQLException e) {
            awaitDuplicateOnDisk(e);
            return OptionalLong.empty();
        }
    }

    /**
     * Rethrows anything but a duplicate key. H2 reports a duplicate key only for a committed row
     * (it retries against an uncommitted one until its lock timeout), but it makes a commit
     * visible before the committing thread has written it to the file. "Already exists" tells a
     * client the row is there, so the row must survive a kill -9 from then on: CHECKPOINT writes
     * the store, or waits for the write under way, which includes that commit.
     */
    private void awaitDuplicateOnDisk(SQLException e) throws SQLException {
        if (!DUPLICATE_KEY.equals(e.getSQLState())) {
            throw e;
        }
        update("CHECKPOINT");
    }

    <T> List<T> list(String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, false, args); ResultSet rs = ps.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rs.next()) {
                result.add(row.map(rs));
            }
            return result;
        }
    }

    <T> Optional<T> first(String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, false, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
        }
    }

    boolean exists(String sql, Object... args) throws SQLException {
        return first(sql, rs -> Boolean.TRUE, args).isPresent();
    }

    long queryLong(String sql, Object... args) throws SQLException {
        return first(sql, rs -> rs.getLong(1), args).orElseThrow();
    }

    private PreparedStatement prepare(String sql, boolean keys, Object... args) throws SQLException {
        PreparedStatement ps = keys
                ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i] instanceof Instant at ? at.truncatedTo(ChronoUnit.MILLIS) : args[i];
                ps.setObject(i + 1, arg);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
