package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two callers claim the same name at once; the loser's answer ("already exists") is an
 * acknowledgement that the winner's row exists, so it must only come once that row is committed
 * and written to the file, where it survives a kill -9 (CrashSafetyTest once lost room43 so).
 */
class InsertIfAbsentRaceTest {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    @FunctionalInterface
    interface Claim {
        boolean claim(Store store, String name);
    }

    @TempDir
    Path dataDir;

    /** Each claims a name and says whether it was new. */
    static Stream<Arguments> claims() {
        return Stream.of(
                Arguments.of("room", (Claim) (store, name) -> store.rooms().create(name).isPresent()),
                Arguments.of("account", (Claim) (store, name) -> store.accounts().create(name, "h").isPresent()),
                Arguments.of("ban", (Claim) (store, name) -> store.bans().ban(name, null, "admin")),
                Arguments.of("access entry", (Claim) (store, name) ->
                        store.accessLists().add(AccessListKind.WHITELIST, EntryType.USER, name)));
    }

    /*
     * H2 makes a commit visible to other transactions (and wakes those waiting for its rows)
     * before the committing thread writes it to the file; the held write is that window.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("claims")
    void alreadyExistsIsAnsweredOnlyOnceTheOtherCommitIsOnDisk(String what, Claim claim) throws Exception {
        try (Store store = Store.start(HeldWrites.url(dataDir), "held", null)) {
            // The table's first row also writes its identity's cache; the hold is for the commit.
            claim.claim(store, "earlier");
            HeldWrites.Hold hold = HeldWrites.holdNextWrite();
            FutureTask<Boolean> first = new FutureTask<>(() -> claim.claim(store, "taken"));
            start("first claim", first);
            long firstWriter = hold.awaitWriter().getId();

            FutureTask<Boolean> second = new FutureTask<>(() -> claim.claim(store, "taken"));
            awaitEndedOr(start("second claim", second), info -> info.getLockOwnerId() == firstWriter,
                    "second claim answered or waiting for the first one's write");

            assertThat(second.isDone()).as("'already exists' answered while the other %s was not on disk", what).isFalse();
            hold.release();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        }
    }

    /**
     * H2 retries an insert that meets another transaction's uncommitted key until its lock
     * timeout: the answer is an error, never "already exists" for a row that may roll back.
     */
    @Test
    void aClaimOnAnUncommittedRowFailsAndSucceedsOnceThatRowRollsBack() throws Exception {
        String url = HeldWrites.url(dataDir) + ";LOCK_TIMEOUT=100";
        try (Store store = Store.start(url, "held", null); Connection other = DriverManager.getConnection(url)) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement(
                    "INSERT INTO rooms (name, name_key, created_at) VALUES ('room43', 'room43', CURRENT_TIMESTAMP(3))")) {
                insert.executeUpdate();
            }

            assertThatThrownBy(() -> store.rooms().create("room43")).isInstanceOf(StorageException.class)
                    .hasMessageContaining("Timeout trying to lock");
            other.rollback();

            assertThat(store.rooms().create("room43")).isPresent();
        }
    }

    private static Thread start(String name, FutureTask<?> task) {
        Thread thread = new Thread(task, name);
        thread.start();
        return thread;
    }

    /** Until the thread has ended, or is blocked as {@code waiting} describes. */
    private static void awaitEndedOr(Thread thread, Predicate<ThreadInfo> waiting, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (thread.isAlive()) {
            ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId());
            if (info != null && waiting.test(info)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what + "; " + info);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
