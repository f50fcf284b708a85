package org.confab.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * The server's database: an embedded H2 file, migrated on open, with one repository per
 * concern. All calls block; call them from an executor, never from an I/O thread.
 * Instants are stored to the millisecond.
 */
public final class Store implements AutoCloseable {

    private static final int POOL_SIZE = 8;
    // H2's background housekeeping aims at 90% too. A call writes what it rewrites as one chunk,
    // and H2 keeps its write buffers for reuse: a small write per call keeps them small.
    private static final int COMPACT_BELOW_FILL_PERCENT = 90;
    private static final int COMPACT_BYTES_PER_CALL = 1 << 20;
    // Past the retention, calls go on a little longer, so that one frees the last dead chunks.
    private static final long SETTLE_MARGIN_MS = 20_000;

    /*
     * WRITE_DELAY=0: with H2's default (500 ms) a commit only reaches memory and a background
     * thread writes it later, so a kill -9 loses acknowledged data (CrashDurabilityTest fails
     * without this setting). With 0, H2 2.3 writes the store in the committing thread before
     * commit returns. It does not fsync, so this covers a killed process, not a power loss.
     * DB_CLOSE_ON_EXIT=FALSE: the server closes the store in its own shutdown sequence; H2's
     * shutdown hook would otherwise close the database under still-running final writes.
     */
    static final String FILE_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    private final HikariDataSource pool;
    private final Db db;
    private final int schemaVersion;
    private final String shutdownUrl;
    private final AccountRepository accounts;
    private final DeviceRepository devices;
    private final RoomRepository rooms;
    private final MembershipRepository memberships;
    private final BanRepository bans;
    private final UserListRepository userLists;
    private final OfflineMessageRepository offlineMessages;
    private final AccessListRepository accessLists;
    private final SettingsRepository settings;
    private final UploadRepository uploads;
    private long fileOperationsAfterCompaction = -1;
    private long lastOtherFileUse = System.nanoTime();

    private Store(HikariDataSource pool, int schemaVersion, String shutdownUrl) {
        this.pool = pool;
        this.schemaVersion = schemaVersion;
        this.shutdownUrl = shutdownUrl;
        this.db = new Db(pool);
        this.accounts = new AccountRepository(db);
        this.devices = new DeviceRepository(db);
        this.rooms = new RoomRepository(db);
        this.memberships = new MembershipRepository(db);
        this.bans = new BanRepository(db);
        this.userLists = new UserListRepository(db);
        this.offlineMessages = new OfflineMessageRepository(db);
        this.accessLists = new AccessListRepository(db);
        this.settings = new SettingsRepository(db);
        this.uploads = new UploadRepository(db);
    }

    /** Opens (creating if needed) the database {@code dataDir/confab} and migrates it. */
    public static Store open(Path dataDir) {
        return open(dataDir, "");
    }

    /** {@link #open(Path)} with more H2 settings ({@code ;KEY=VALUE...}), for tests. */
    static Store open(Path dataDir, String moreSettings) {
        Path dir = dataDir.toAbsolutePath();
        if (dir.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException("data directory must not contain ';': " + dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("cannot create data directory " + dir, e);
        }
        return start("jdbc:h2:file:" + dir.resolve("confab") + FILE_SETTINGS + moreSettings, "confab-h2", null);
    }

    /** A fresh, private in-memory database, for tests. */
    public static Store openInMemory() {
        String name = "confab-" + UUID.randomUUID();
        // DB_CLOSE_DELAY=-1 keeps the database while the pool cycles its connections;
        // close() shuts it down explicitly.
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        return start(url, name, url);
    }

    static Store start(String url, String poolName, String shutdownUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(poolName);
        config.setMaximumPoolSize(POOL_SIZE);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open database " + url, e);
        }
        try {
            Flyway flyway = Flyway.configure(Store.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .validateMigrationNaming(true)
                    .load();
            return new Store(pool, versionAfter(flyway.migrate()), shutdownUrl);
        } catch (RuntimeException e) {
            pool.close();
            throw new StorageException("cannot migrate database " + url, e);
        }
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public DeviceRepository devices() {
        return devices;
    }

    public RoomRepository rooms() {
        return rooms;
    }

    public MembershipRepository memberships() {
        return memberships;
    }

    public BanRepository bans() {
        return bans;
    }

    public UserListRepository userLists() {
        return userLists;
    }

    public OfflineMessageRepository offlineMessages() {
        return offlineMessages;
    }

    public AccessListRepository accessLists() {
        return accessLists;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public UploadRepository uploads() {
        return uploads;
    }

    /**
     * Writes a transactionally consistent copy of the running database to {@code zipFile}
     * (H2 {@code BACKUP TO}); restore with {@code org.h2.tools.Restore} into a data directory.
     */
    public void backup(Path zipFile) {
        Path target = zipFile.toAbsolutePath();
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
        } catch (IOException e) {
            throw new StorageException("cannot create directory for backup " + target, e);
        }
        db.tx("backup to " + target, sql -> sql.update("BACKUP TO ?", target.toString()));
    }

    /**
     * Frees the database file's chunks that hold little or nothing live. H2 does this in a
     * background thread only while it delays commits, which WRITE_DELAY=0 turns off; without it,
     * every commit leaves a chunk, in the file and (as metadata, about 400 bytes) in memory, until
     * a later commit happens to free it, and a chunk that keeps a live page or two stays for good.
     * Each call rewrites the live pages of sparse chunks (those past H2's 45-s retention) and
     * stores, which frees what died before; once nothing but these calls has touched the file for
     * longer than the retention, everything that can be freed has been, and calls do nothing.
     * Blocking: call it now and then from the database pool. Does nothing for an in-memory
     * database.
     */
    public synchronized void compact() {
        try (Connection c = pool.getConnection()) {
            // H2's own API, from the connection: there is no SQL for this short of SHUTDOWN COMPACT.
            SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            MVStore mvStore = session.getDatabase().getStore().getMvStore();
            FileStore<?> file = mvStore.getFileStore();
            if (file == null) {
                return;
            }
            long now = System.nanoTime();
            if (fileOperations(file) != fileOperationsAfterCompaction) {
                lastOtherFileUse = now;
            }
            boolean settled = now - lastOtherFileUse > TimeUnit.MILLISECONDS.toNanos(file.getRetentionTime() + SETTLE_MARGIN_MS);
            if (settled || file.getChunksFillRate() >= COMPACT_BELOW_FILL_PERCENT) {
                return;
            }
            mvStore.compact(COMPACT_BELOW_FILL_PERCENT, COMPACT_BYTES_PER_CALL);
            // H2 frees dead chunks only when it stores something, and an idle server stores nothing:
            // rewriting the store version (an application field H2's SQL layer leaves alone) is a
            // change to store.
            mvStore.setStoreVersion(mvStore.getStoreVersion());
            mvStore.commit();
            fileOperationsAfterCompaction = fileOperations(file);
        } catch (SQLException e) {
            throw new StorageException("compacting the database failed: " + e.getMessage(), e);
        }
    }

    private static long fileOperations(FileStore<?> file) {
        return file.getReadCount() + file.getWriteCount();
    }

    /** The chunks of the database file, live or awaiting reuse (H2's info.CHUNK_COUNT). */
    long chunkCount() {
        return db.tx("count chunks", sql -> sql.queryLong(
                "SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNK_COUNT'"));
    }

    /** The version of the newest applied migration (the N of {@code VN__*.sql}). */
    public int schemaVersion() {
        return schemaVersion;
    }

    /**
     * Migrations run only here, as the store opens, so the version is read once from what they
     * did: asking Flyway later costs a classpath scan per call.
     */
    private static int versionAfter(MigrateResult migrated) {
        String version = migrated.targetSchemaVersion != null ? migrated.targetSchemaVersion : migrated.initialSchemaVersion;
        return version == null ? 0 : Integer.parseInt(version);
    }

    @Override
    public void close() {
        pool.close();
        if (shutdownUrl != null) {
            shutDown(shutdownUrl);
        }
    }

    private static void shutDown(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new StorageException("cannot shut down " + url, e);
        }
    }
}
