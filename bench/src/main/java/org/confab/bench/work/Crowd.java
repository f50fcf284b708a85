package org.confab.bench.work;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.confab.bench.dm.DmClient;
import org.confab.bench.dm.DmWire;
import org.confab.bench.dm.PlainWire;
import org.confab.bench.dm.SecureWire;
import org.confab.bench.net.Conn;

/**
 * Many DMconnect clients brought to the ready state (logged in, in their room) with a bounded
 * number setting up at once, as a storm of thousands of simultaneous logins would measure the
 * login path rather than hold sessions.
 */
public final class Crowd implements DmClient.Events, HeldSessions {

    private final RunContext context;
    private final Consumer<DmClient> onReady;
    private final Semaphore setting = new Semaphore(0);
    private final List<DmClient> clients = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger readyCount = new AtomicInteger();
    private CountDownLatch settled;

    /** {@code onReady} runs on the client's loop as soon as it is ready, before any payload can reach it. */
    public Crowd(RunContext context, Consumer<DmClient> onReady) {
        this.context = context;
        this.onReady = onReady;
    }

    /**
     * Connects one client per account, client {@code i} on loop {@code i}, at most {@code inFlight}
     * setting up at a time. Returns when all are ready or failed, or at the run's timeout.
     *
     * @return the clients in account order (ready or not)
     */
    public List<DmClient> connect(List<DmClient.Account> accounts, int inFlight) throws InterruptedException {
        settled = new CountDownLatch(accounts.size());
        setting.release(inFlight);
        long deadline = context.deadlineNanos();
        DmClient[] ordered = new DmClient[accounts.size()];
        for (int i = 0; i < accounts.size(); i++) {
            if (!setting.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                failures.add("setup timed out after " + i + " of " + accounts.size() + " clients");
                break;
            }
            DmClient client = new DmClient(accounts.get(i), this::wire, this);
            ordered[i] = client;
            clients.add(client);
            Conn.open(context.generator().loop(i), context.dmconnect(), context.source(i), client);
        }
        settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        List<DmClient> result = new ArrayList<>();
        for (DmClient c : ordered) {
            if (c != null) {
                result.add(c);
            }
        }
        return result;
    }

    private DmWire wire() {
        return context.encrypted() ? SecureWire.client() : new PlainWire();
    }

    @Override
    public void ready(DmClient client) {
        onReady.accept(client);
        readyCount.incrementAndGet();
        setting.release();
        settled.countDown();
    }

    @Override
    public void failed(DmClient client, String why) {
        failures.add(client.account().name() + ": " + why);
        setting.release();
        settled.countDown();
    }

    @Override
    public void closed(DmClient client, String why) {
        if (!why.equals("closed by the workload")) {
            dropped.incrementAndGet();
            failures.add(client.account().name() + " dropped: " + why);
        }
    }

    @Override
    public int ready() {
        return readyCount.get();
    }

    /** Setup failures and connections the server closed, first few only. */
    @Override
    public List<String> failures() {
        return failures.stream().limit(5).toList();
    }

    @Override
    public int failureCount() {
        return failures.size();
    }

    @Override
    public int dropped() {
        return dropped.get();
    }

    /** Closes every client on its own loop and waits until they have closed. */
    @Override
    public void closeAll() throws InterruptedException {
        List<DmClient> all;
        synchronized (clients) {
            all = new ArrayList<>(clients);
        }
        CountDownLatch done = new CountDownLatch(all.size());
        for (int i = 0; i < all.size(); i++) {
            DmClient c = all.get(i);
            context.generator().loop(i).execute(() -> {
                c.close();
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
    }
}
