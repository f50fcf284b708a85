package org.confab.bench.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.confab.bench.net.Conn;
import org.confab.bench.vcom.VcomClient;
import org.confab.binary.VcomPacket;

/** vCom clients brought to the ready state (connected, accepted, lists in sync) and held open. */
final class VcomCrowd extends HeldCrowd implements VcomClient.Events {

    /** Gets every packet a ready client reads, on its loop. */
    interface PacketSink {
        void packet(int client, VcomClient from, VcomPacket packet);
    }

    private static final int SETUP_IN_FLIGHT = 16;

    private final PacketSink sink;
    private final List<VcomClient> clients = new ArrayList<>();
    /** Written by the thread that connects, read on every loop. */
    private final Map<VcomClient, Integer> index = new ConcurrentHashMap<>();

    VcomCrowd(RunContext context, PacketSink sink) {
        super(context);
        this.sink = sink;
    }

    /**
     * Client {@code i} is {@code names.get(i)} on loop {@code i}; an unknown name registers (open
     * registration). A few set up at a time: a TLS handshake and the login must fit in the
     * server's vCom login timeout (10 s by default) even on a busy machine.
     */
    List<VcomClient> connect(List<String> names, String password) throws InterruptedException {
        return connect(names, password, SETUP_IN_FLIGHT);
    }

    /** The same with at most {@code inFlight} clients setting up at a time. */
    List<VcomClient> connect(List<String> names, String password, int inFlight) throws InterruptedException {
        requireVcom(context);
        openBounded(names.size(), inFlight, i -> {
            VcomClient client = new VcomClient(names.get(i), password, this);
            clients.add(client);
            index.put(client, i);
            Conn.open(context.generator().loop(i), context.target().vcom(), context.source(i), client);
        });
        return clients;
    }

    /** A server without a vCom port: say so before doing anything else. */
    static void requireVcom(RunContext context) {
        if (context.target().vcom() == null) {
            throw new IllegalStateException(context.target().kind() + " serves no vCom port");
        }
    }

    @Override
    public void ready(VcomClient client) {
        readied();
    }

    @Override
    public void failed(VcomClient client, String why) {
        failed(client.user(), why);
    }

    @Override
    public void closed(VcomClient client, String why) {
        closed(client.user(), why);
    }

    @Override
    public void packet(VcomClient client, VcomPacket packet) {
        sink.packet(index.get(client), client, packet);
    }

    @Override
    public void closeAll() throws InterruptedException {
        closeOnLoops(clients, VcomClient::close);
    }
}
