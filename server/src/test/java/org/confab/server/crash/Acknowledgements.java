package org.confab.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Counts what the server acknowledged to each client of a crash run, and kills it at the run's
 * seeded point: once that many acknowledgements have come, at least one to every client among
 * them, so that every kind of operation is under way. The kill is sent from the thread that
 * recorded the last one, so the other clients are caught in the middle of whatever they were doing.
 */
final class Acknowledgements {

    private final int killAt;
    private final Runnable kill;
    private final Map<String, Integer> byClient = new LinkedHashMap<>();
    private final CountDownLatch killed = new CountDownLatch(1);
    private int total;

    Acknowledgements(int killAt, Runnable kill) {
        this.killAt = killAt;
        this.kill = kill;
    }

    /** A client that must have had one before the kill. */
    synchronized void expect(String client) {
        byClient.put(client, 0);
    }

    synchronized void add(String client) {
        byClient.merge(client, 1, Integer::sum);
        total++;
        if (total >= killAt && byClient.values().stream().allMatch(n -> n > 0)) {
            kill();
        }
    }

    /** Kills the server unless it is already: at the seeded point, or at once when a client has failed. */
    synchronized void kill() {
        if (!killed()) {
            kill.run();
            killed.countDown();
        }
    }

    boolean killed() {
        return killed.getCount() == 0;
    }

    void awaitKill() throws InterruptedException {
        assertThat(killed.await(60, TimeUnit.SECONDS)).as("%s acknowledgements in time: %s", killAt, this).isTrue();
    }

    @Override
    public synchronized String toString() {
        return total + " " + byClient;
    }
}
