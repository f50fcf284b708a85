package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileTest {

    @TempDir
    Path tmp;

    @Test
    void openCreatesTheDataDirectoryAndTheDatabaseFile() {
        Path dir = tmp.resolve("a/b/data");

        try (Store store = Store.open(dir)) {
            assertThat(store.rooms().findById(1)).isPresent();
        }

        assertThat(dir.resolve("confab.mv.db")).isRegularFile();
    }

    @Test
    void openFailsClearlyWhenTheDataDirectoryIsAFile() throws IOException {
        Path file = Files.createFile(tmp.resolve("not-a-dir"));

        assertThatThrownBy(() -> Store.open(file)).isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot create data directory");
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        Path dir = tmp.resolve("data");
        long alice;
        int chess;
        try (Store store = Store.open(dir)) {
            alice = store.accounts().create("Alice", "hash").orElseThrow().id();
            chess = store.rooms().create("chess").orElseThrow().id();
            store.memberships().add(chess, alice);
            store.userLists().replace(alice, ListKind.FRIENDS, List.of("bob", "carol@far.example"), 77);
            store.offlineMessages().store(alice, "bob", null, 5, true, "hello".getBytes());
            store.settings().setBoolean("whitelist.mode", true);
            store.bans().ban("troll", "spam", "admin");
        }

        try (Store store = Store.open(dir)) {
            assertThat(store.accounts().findByName("alice")).hasValueSatisfying(a -> {
                assertThat(a.id()).isEqualTo(alice);
                assertThat(a.name()).isEqualTo("Alice");
            });
            assertThat(store.memberships().roomsOf(alice)).containsExactly(chess);
            assertThat(store.userLists().get(alice, ListKind.FRIENDS))
                    .isEqualTo(new UserList(List.of("bob", "carol@far.example"), 77));
            assertThat(store.offlineMessages().pending(alice).get(0).data()).isEqualTo("hello".getBytes());
            assertThat(store.settings().getBoolean("whitelist.mode", false)).isTrue();
            assertThat(store.bans().isBanned("TROLL")).isTrue();
        }
    }

    @Test
    void identitiesAreNotReusedAcrossRestarts() {
        Path dir = tmp.resolve("data");
        int room;
        int device;
        try (Store store = Store.open(dir)) {
            long a = store.accounts().create("a", "h").orElseThrow().id();
            room = store.rooms().create("gone").orElseThrow().id();
            device = store.devices().issue(a);
            store.rooms().delete("gone");
            store.accounts().delete("a");
        }

        try (Store store = Store.open(dir)) {
            long b = store.accounts().create("b", "h").orElseThrow().id();
            assertThat(store.rooms().create("gone").orElseThrow().id()).isGreaterThan(room);
            assertThat(store.devices().issue(b)).isGreaterThan(device);
        }
    }

    @Test
    void schemaVersionIsTheNewestMigrationAndStaysSoOnReopen() throws Exception {
        int newest = newestMigrationOnClasspath();
        assertThat(newest).isEqualTo(10);

        Path dir = tmp.resolve("data");
        try (Store store = Store.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo(newest);
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo(newest);
        }
        try (Store store = Store.openInMemory()) {
            assertThat(store.schemaVersion()).isEqualTo(newest);
        }
    }

    @Test
    void backupIsAConsistentSnapshotThatRestores() throws IOException {
        Path dir = tmp.resolve("data");
        Path zip = tmp.resolve("backups/confab-backup.zip");
        try (Store store = Store.open(dir)) {
            long alice = store.accounts().create("alice", "h").orElseThrow().id();
            store.offlineMessages().store(alice, "bob", null, 1, true, "kept".getBytes());

            store.backup(zip); // while the store is open and in use

            store.accounts().create("after-backup", "h");
        }

        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).contains("confab.mv.db");
        }
        Path restored = tmp.resolve("restored");
        Files.createDirectories(restored);
        Restore.execute(zip.toString(), restored.toString(), "confab");

        try (Store store = Store.open(restored)) {
            long alice = store.accounts().findByName("alice").orElseThrow().id();
            assertThat(store.offlineMessages().pending(alice)).extracting(m -> new String(m.data())).containsExactly("kept");
            assertThat(store.accounts().findByName("after-backup")).isEmpty();
            assertThat(store.schemaVersion()).isEqualTo(10);
        }
    }

    @Test
    void backupOfAnInMemoryStoreFails() {
        try (Store store = Store.openInMemory()) {
            assertThatThrownBy(() -> store.backup(tmp.resolve("x.zip")))
                    .isInstanceOf(StorageException.class).hasMessageContaining("backup to");
        }
    }

    @Test
    void inMemoryStoresAreIndependent() {
        try (Store one = Store.openInMemory(); Store two = Store.openInMemory()) {
            one.accounts().create("only-in-one", "h");

            assertThat(two.accounts().findByName("only-in-one")).isEmpty();
        }
    }

    private static int newestMigrationOnClasspath() throws URISyntaxException, IOException {
        Path migrations = Path.of(Store.class.getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(p -> p.getFileName().toString())
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max(Integer::compare).orElseThrow();
        }
    }
}
