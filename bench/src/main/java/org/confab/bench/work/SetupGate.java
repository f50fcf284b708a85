package org.confab.bench.work;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a bounded number of clients set up (connect, handshake, log in) at once, as a storm of
 * thousands at a time measures the login path rather than holds sessions, and on a busy machine
 * makes the last ones miss the server's login timeouts.
 */
final class SetupGate {

    private final Semaphore slots;
    private final CountDownLatch settled;
    private final long deadlineNanos;

    SetupGate(int clients, int inFlight, long deadlineNanos) {
        this.slots = new Semaphore(inFlight);
        this.settled = new CountDownLatch(clients);
        this.deadlineNanos = deadlineNanos;
    }

    /** Waits for a free slot: false at the deadline. */
    boolean enter() throws InterruptedException {
        return slots.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** A client got ready or failed: its slot is free. */
    void leave() {
        slots.release();
        settled.countDown();
    }

    /** Waits until every client has left, or the deadline. */
    void awaitSettled() throws InterruptedException {
        settled.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
