package org.confab.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs each repository call as one transaction on a pooled connection. Every call commits
 * explicitly, so durability is decided in one place (the database's commit), and a failure
 * rolls back everything the call did.
 */
final class Db {

    @FunctionalInterface
    interface Work<T> {
        T run(Sql sql) throws SQLException;
    }

    private final DataSource dataSource;

    Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code context} names the operation in the exception, e.g. "create account alice". */
    <T> T tx(String context, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Sql(connection));
                connection.commit();
                return result;
            } catch (Throwable e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException(context + " failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
