package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DbTest {

    private Db db;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dbtest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        db = new Db(ds);
        db.tx("create", sql -> sql.update("CREATE TABLE t (k VARCHAR(10) PRIMARY KEY)"));
    }

    private long rows() {
        return db.tx("count", sql -> sql.queryLong("SELECT COUNT(*) FROM t"));
    }

    @Test
    void aFailingCallRollsBackEverythingItDid() {
        assertThatThrownBy(() -> db.tx("two inserts", sql -> {
            sql.update("INSERT INTO t VALUES ('a')");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rows()).isZero();
    }

    @Test
    void sqlErrorsBecomeStorageExceptionsNamingTheOperation() {
        assertThatThrownBy(() -> db.tx("insert twice", sql -> {
            sql.update("INSERT INTO t VALUES ('a')");
            return sql.update("INSERT INTO t VALUES ('a')");
        })).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("insert twice failed")
                .hasCauseInstanceOf(SQLException.class);

        assertThat(rows()).isZero();
    }

    @Test
    void insertIfAbsentReportsADuplicateWithoutFailingTheTransaction() {
        boolean[] results = db.tx("insert", sql -> new boolean[] {
            sql.insertIfAbsent("INSERT INTO t VALUES (?)", "a"),
            sql.insertIfAbsent("INSERT INTO t VALUES (?)", "a"),
            sql.insertIfAbsent("INSERT INTO t VALUES (?)", "b")});

        assertThat(results).containsExactly(true, false, true);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void insertIfAbsentStillFailsOnOtherErrors() {
        assertThatThrownBy(() -> db.tx("too long", sql -> sql.insertIfAbsent("INSERT INTO t VALUES (?)", "x".repeat(11))))
                .isInstanceOf(StorageException.class);
    }
}
