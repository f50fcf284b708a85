package org.confab.bench.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.confab.bench.net.Conn;
import org.confab.bench.vcom.VcomClient;
import org.confab.binary.VcomPacket;

/** vCom clients brought to the ready state (connected, accepted, lists in sync). */
final class VcomCrowd implements VcomClient.Events, HeldSessions {

    /** Gets every packet a ready client reads, on its loop. */
    interface PacketSink {
        void packet(int client, VcomClient from, VcomPacket packet);
    }

    private final RunContext context;
    private final PacketSink sink;
    private final List<VcomClient> clients = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ready = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Semaphore setting = new Semaphore(0);
    private CountDownLatch settled;

    VcomCrowd(RunContext context, PacketSink sink) {
        this.context = context;
        this.sink = sink;
    }

    /** Client {@code i} is {@code names.get(i)} on loop {@code i}; an unknown name registers (open registration). */
    List<VcomClient> connect(List<String> names, String password) throws InterruptedException {
        return connect(names, password, names.size());
    }

    /** The same with at most {@code inFlight} clients setting up at a time, as thousands of TLS handshakes at once would time out. */
    List<VcomClient> connect(List<String> names, String password, int inFlight) throws InterruptedException {
        requireVcom(context);
        settled = new CountDownLatch(names.size());
        setting.release(inFlight);
        long deadline = context.deadlineNanos();
        for (int i = 0; i < names.size(); i++) {
            if (!setting.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                failures.add("setup timed out after " + i + " of " + names.size() + " clients");
                break;
            }
            VcomClient client = new VcomClient(names.get(i), password, this);
            clients.add(client);
            Conn.open(context.generator().loop(i), context.target().vcom(), context.source(i), client);
        }
        settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return clients;
    }

    /** A server without a vCom port: say so before doing anything else. */
    static void requireVcom(RunContext context) {
        if (context.target().vcom() == null) {
            throw new IllegalStateException(context.target().kind() + " serves no vCom port");
        }
    }

    @Override
    public int ready() {
        return ready.get();
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

    @Override
    public void ready(VcomClient client) {
        ready.incrementAndGet();
        setting.release();
        settled.countDown();
    }

    @Override
    public void failed(VcomClient client, String why) {
        failures.add(client.user() + ": " + why);
        setting.release();
        settled.countDown();
    }

    @Override
    public void closed(VcomClient client, String why) {
        if (!why.equals("closed by the workload")) {
            dropped.incrementAndGet();
            failures.add(client.user() + " dropped: " + why);
        }
    }

    @Override
    public void packet(VcomClient client, VcomPacket packet) {
        sink.packet(clients.indexOf(client), client, packet);
    }

    @Override
    public void closeAll() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(clients.size());
        for (int i = 0; i < clients.size(); i++) {
            VcomClient c = clients.get(i);
            context.generator().loop(i).execute(() -> {
                c.close();
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
    }
}
