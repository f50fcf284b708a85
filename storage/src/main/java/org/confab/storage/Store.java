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
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The server's database: an embedded H2 file, migrated on open, with one repository per
 * concern. All calls block; call them from an executor, never from an I/O thread.
 * Instants are stored to the millisecond.
 */
public final class Store implements AutoCloseable {

    private static final int POOL_SIZE = 8;

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
    private final Flyway flyway;
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

    private Store(HikariDataSource pool, Flyway flyway, String shutdownUrl) {
        this.pool = pool;
        this.flyway = flyway;
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
        Path dir = dataDir.toAbsolutePath();
        if (dir.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException("data directory must not contain ';': " + dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("cannot create data directory " + dir, e);
        }
        return start("jdbc:h2:file:" + dir.resolve("confab") + FILE_SETTINGS, "confab-h2", null);
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
            flyway.migrate();
            return new Store(pool, flyway, shutdownUrl);
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

    /** The version of the newest applied migration (the N of {@code VN__*.sql}). */
    public int schemaVersion() {
        try {
            MigrationInfo current = flyway.info().current();
            return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
        } catch (FlywayException e) {
            throw new StorageException("cannot read schema version", e);
        }
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
