package org.confab.bench.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.confab.bench.net.Conn;
import org.confab.bench.vcom.VcomClient;
import org.confab.binary.VcomPacket;

/** vCom clients brought to the ready state (connected, accepted, lists in sync). */
final class VcomCrowd implements VcomClient.Events {

    /** Gets every packet a ready client reads, on its loop. */
    interface PacketSink {
        void packet(int client, VcomClient from, VcomPacket packet);
    }

    private static final int SETUP_IN_FLIGHT = 16;

    private final RunContext context;
    private final PacketSink sink;
    private final List<VcomClient> clients = new ArrayList<>();
    /** Written by the thread that connects, read on every loop. */
    private final Map<VcomClient, Integer> index = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ready = new AtomicInteger();
    private SetupGate gate;

    VcomCrowd(RunContext context, PacketSink sink) {
        this.context = context;
        this.sink = sink;
    }

    /**
     * Client {@code i} is {@code names.get(i)} on loop {@code i}; an unknown name registers (open
     * registration). A few set up at a time: a TLS handshake and the login must fit in the
     * server's vCom login timeout (10 s by default) even on a busy machine.
     */
    List<VcomClient> connect(List<String> names, String password) throws InterruptedException {
        requireVcom(context);
        gate = new SetupGate(names.size(), SETUP_IN_FLIGHT, context.deadlineNanos());
        for (int i = 0; i < names.size(); i++) {
            if (!gate.enter()) {
                failures.add("setup timed out after " + i + " of " + names.size() + " clients");
                break;
            }
            VcomClient client = new VcomClient(names.get(i), password, this);
            clients.add(client);
            index.put(client, i);
            Conn.open(context.generator().loop(i), context.target().vcom(), context.source(i), client);
        }
        gate.awaitSettled();
        return clients;
    }

    /** A server without a vCom port: say so before doing anything else. */
    static void requireVcom(RunContext context) {
        if (context.target().vcom() == null) {
            throw new IllegalStateException(context.target().kind() + " serves no vCom port");
        }
    }

    int ready() {
        return ready.get();
    }

    List<String> failures() {
        return failures.stream().limit(5).toList();
    }

    @Override
    public void ready(VcomClient client) {
        ready.incrementAndGet();
        gate.leave();
    }

    @Override
    public void failed(VcomClient client, String why) {
        failures.add(client.user() + ": " + why);
        gate.leave();
    }

    @Override
    public void packet(VcomClient client, VcomPacket packet) {
        sink.packet(index.get(client), client, packet);
    }

    void closeAll() throws InterruptedException {
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
