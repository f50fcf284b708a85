package org.confab.server.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's work strictly in order without holding a thread while it waits. A task
 * returns null when it finished at once, or a stage when it waits for the database, the hashing
 * pool or a peer host; the next task starts only when that stage completes, on whichever thread
 * completed it. No I/O thread ever blocks here.
 */
public final class SerialQueue {

    private static final Logger log = LoggerFactory.getLogger(SerialQueue.class);

    // Mostly empty or holding one task: the default capacity (16) costs every idle connection 56 bytes more.
    private final ArrayDeque<Supplier<CompletionStage<?>>> tasks = new ArrayDeque<>(2);
    private boolean running;

    /** Queues a task and, if this queue is idle, runs queued tasks on the calling thread. */
    public void submit(Supplier<CompletionStage<?>> task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        drain();
    }

    public synchronized int backlog() {
        return tasks.size();
    }

    private static void report(Throwable error) {
        Workers.reportFailure(log, "Task failed", error);
    }

    private void drain() {
        while (true) {
            Supplier<CompletionStage<?>> task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            CompletionStage<?> stage;
            try {
                stage = task.get();
            } catch (RuntimeException e) {
                report(e);
                continue;
            }
            if (stage != null && !stage.toCompletableFuture().isDone()) {
                stage.whenComplete((result, error) -> {
                    if (error != null) {
                        report(error);
                    }
                    drain();
                });
                return;
            }
            if (stage != null) {
                stage.toCompletableFuture().exceptionally(error -> {
                    report(error);
                    return null;
                });
            }
        }
    }
}
