package org.confab.bench.work;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Clients brought to the ready state with a bounded number setting up at once, and held open:
 * the bookkeeping {@link Crowd} (DMconnect) and {@link VcomCrowd} share. A storm of thousands of
 * simultaneous logins or TLS handshakes would measure the login path, or time out, rather than
 * hold sessions.
 */
abstract class HeldCrowd {

    final RunContext context;
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger readyCount = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private SetupGate gate;

    HeldCrowd(RunContext context) {
        this.context = context;
    }

    /**
     * Calls {@code open} for clients 0 to {@code count - 1}, at most {@code inFlight} setting up at
     * a time. Returns when all are ready or failed, or at the run's timeout.
     */
    final void openBounded(int count, int inFlight, IntConsumer open) throws InterruptedException {
        gate = new SetupGate(count, inFlight, context.deadlineNanos());
        for (int i = 0; i < count; i++) {
            if (!gate.enter()) {
                failures.add("setup timed out after " + i + " of " + count + " clients");
                break;
            }
            open.accept(i);
        }
        gate.awaitSettled();
    }

    /** A client got ready. */
    final void readied() {
        readyCount.incrementAndGet();
        gate.leave();
    }

    /** A client failed to get ready. */
    final void failed(String who, String why) {
        failures.add(who + ": " + why);
        gate.leave();
    }

    /** A ready client's connection closed: a drop unless the workload closed it. */
    final void closed(String who, String why) {
        if (!why.equals("closed by the workload")) {
            dropped.incrementAndGet();
            failures.add(who + " dropped: " + why);
        }
    }

    /** Closes client {@code i} on loop {@code i} and waits until all have closed. */
    final <C> void closeOnLoops(List<C> clients, Consumer<C> close) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(clients.size());
        for (int i = 0; i < clients.size(); i++) {
            C c = clients.get(i);
            context.generator().loop(i).execute(() -> {
                close.accept(c);
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
    }

    public int ready() {
        return readyCount.get();
    }

    /** Setup failures and connections the server closed, first few only. */
    public List<String> failures() {
        return failures.stream().limit(5).toList();
    }

    public int failureCount() {
        return failures.size();
    }

    /** Ready clients whose connection the server closed. */
    public int dropped() {
        return dropped.get();
    }

    /** Closes every client and waits until they have closed. */
    public abstract void closeAll() throws InterruptedException;
}
