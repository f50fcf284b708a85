package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UploadRepositoryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    private final Store store = Store.openInMemory();
    private final UploadRepository uploads = store.uploads();
    private final long alice = store.accounts().create("alice", "h").orElseThrow().id();
    private final long bob = store.accounts().create("bob", "h").orElseThrow().id();

    @AfterEach
    void close() {
        store.close();
    }

    private UploadRecord upload(String id, long account, long size, Instant at) {
        return new UploadRecord(id, account, id + ".png", "image/png", size, at);
    }

    @Test
    void insertThenFind() {
        UploadRecord r = upload("abc123", alice, 1234, T0);
        uploads.insert(r);

        assertThat(uploads.find("abc123")).contains(r);
        assertThat(uploads.find("nope")).isEmpty();
    }

    @Test
    void insertOfADuplicateIdFails() {
        uploads.insert(upload("dup", alice, 1, T0));

        assertThatThrownBy(() -> uploads.insert(upload("dup", bob, 2, T0))).isInstanceOf(StorageException.class);
    }

    @Test
    void olderThanIsStrictAndOldestFirst() {
        uploads.insert(upload("new", alice, 1, T0.plusSeconds(10)));
        uploads.insert(upload("old", bob, 1, T0.minusSeconds(20)));
        uploads.insert(upload("mid", alice, 1, T0.minusSeconds(10)));
        uploads.insert(upload("edge", alice, 1, T0));

        assertThat(uploads.olderThan(T0)).extracting(UploadRecord::id).containsExactly("old", "mid");
    }

    @Test
    void deleteReportsWhetherItDeleted() {
        uploads.insert(upload("x", alice, 1, T0));

        assertThat(uploads.delete("x")).isTrue();
        assertThat(uploads.delete("x")).isFalse();
    }

    @Test
    void countAndBytesArePerAccount() {
        uploads.insert(upload("a1", alice, 100, T0));
        uploads.insert(upload("a2", alice, 5_000_000, T0));
        uploads.insert(upload("b1", bob, 7, T0));

        assertThat(uploads.countByAccount(alice)).isEqualTo(2);
        assertThat(uploads.bytesByAccount(alice)).isEqualTo(5_000_100);
        assertThat(uploads.countByAccount(12345)).isZero();
        assertThat(uploads.bytesByAccount(12345)).isZero();
    }
}
