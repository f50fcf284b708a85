package org.confab.server.runtime;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.confab.server.account.HashingThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread pools that keep blocking work off MINA's I/O threads: one for the database, one for
 * password hashing (CPU-bound, so no more threads than cores), one for timers.
 */
public final class Workers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    /**
     * A hashing thread idle this long ends, and with it the Argon2 memory it kept: held through a
     * burst of logins, not between them, where it would sit in the old generation and bring the
     * collector's marking cycles closer.
     */
    private static final long HASHING_IDLE_SECONDS = 2;

    private final ExecutorService database;
    private final ExecutorService hashing;
    private final ScheduledExecutorService timers;

    public Workers(int databaseThreads, int hashingThreads) {
        this.database = Executors.newFixedThreadPool(databaseThreads, named("confab-db"));
        AtomicInteger hashers = new AtomicInteger();
        ThreadPoolExecutor hashingPool = new ThreadPoolExecutor(hashingThreads, hashingThreads,
                HASHING_IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> new HashingThread(r, "confab-hash-" + hashers.incrementAndGet()));
        hashingPool.allowCoreThreadTimeOut(true);
        this.hashing = hashingPool;
        // A timer asked for once the server is stopping would find every connection closed: it is
        // dropped rather than thrown back at whichever late task asked for it.
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, named("confab-timer"),
                (task, pool) -> log.debug("Timer dropped: the server is stopping"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.timers = scheduler;
    }

    public ExecutorService database() {
        return database;
    }

    public ExecutorService hashing() {
        return hashing;
    }

    public ScheduledExecutorService timers() {
        return timers;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        hashing.shutdown();
        database.shutdown();
        try {
            hashing.awaitTermination(5, TimeUnit.SECONDS);
            database.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a failure only means that a pool refused work because the server is stopping. */
    public static boolean isShutdownRejection(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof RejectedExecutionException;
    }

    /** Logs a failed task as a bug, unless it failed only because the server is stopping. */
    public static void reportFailure(Logger log, String what, Throwable error) {
        if (isShutdownRejection(error)) {
            log.debug("{}: dropped, the server is stopping", what);
        } else {
            log.error(what, error);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
