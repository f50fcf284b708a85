package org.confab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.confab.server.account.HashingThread;
import org.confab.server.testing.Await;
import org.junit.jupiter.api.Test;

class WorkersTest {

    @Test
    void anIdleHashingThreadEndsAndGivesItsArgon2MemoryBack() throws Exception {
        try (Workers workers = new Workers(1, 1)) {
            Thread hasher = CompletableFuture.supplyAsync(Thread::currentThread, workers.hashing()).get();
            assertThat(hasher).isInstanceOf(HashingThread.class);
            Await.until(() -> !hasher.isAlive(), "the idle hashing thread ends");
            // The pool still hashes: a new thread takes the next task.
            Thread next = CompletableFuture.supplyAsync(Thread::currentThread, workers.hashing()).get();
            assertThat(next).isNotSameAs(hasher).isInstanceOf(HashingThread.class);
        }
    }

    @Test
    void aTimerAskedForOnceTheServerStopsIsDroppedNotThrownBack() {
        Workers workers = new Workers(1, 1);
        workers.close();
        ScheduledFuture<?> timer = workers.timers().schedule(() -> { }, 1, TimeUnit.MILLISECONDS);
        assertThat(timer.isDone()).isFalse();
    }
}
