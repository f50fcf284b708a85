package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCompactionTest {

    @TempDir
    Path tmp;

    /** RETENTION_TIME=0 lets H2 reuse a chunk as soon as it is dead, instead of 45 s later. */
    @Test
    void compactionFreesTheChunksThatSmallCommitsLeaveBehind() {
        try (Store store = Store.open(tmp.resolve("data"), ";RETENTION_TIME=0")) {
            for (int i = 0; i < 500; i++) {
                long id = store.accounts().create("user" + i, "hash").orElseThrow().id();
                store.memberships().add(1, id);
            }
            long left = store.chunkCount();
            assertThat(left).as("chunks still holding a live page").isGreaterThan(40);

            // The first call moves the live pages out, the next frees the chunks they left.
            store.compact();
            store.compact();

            assertThat(store.chunkCount()).isLessThan(10);
            assertThat(store.accounts().findByName("user499")).isPresent();
        }
    }

    @Test
    void compactingAnInMemoryDatabaseDoesNothing() {
        try (Store store = Store.openInMemory()) {
            store.accounts().create("alice", "hash");
            store.compact();
            assertThat(store.accounts().findByName("alice")).isPresent();
        }
    }
}
