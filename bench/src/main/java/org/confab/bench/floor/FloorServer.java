package org.confab.bench.floor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.confab.bench.dm.DmWire;
import org.confab.bench.dm.PlainWire;
import org.confab.bench.dm.SecureWire;
import org.confab.bench.net.Loop;

/**
 * The floor: a bare non-blocking broadcast server (java.nio, no MINA, no domain, no database)
 * speaking just enough DMconnect for the workloads, plain and encrypted, and just enough vCom over
 * TLS for the unicast and file workloads. What Confab does on top of this is what its figures are
 * compared against.
 */
public final class FloorServer implements AutoCloseable {

    private final List<Loop> loops = new ArrayList<>();
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final FloorCommands commands = new FloorCommands();
    private int next;

    private FloorServer(int threads) {
        for (int i = 0; i < threads; i++) {
            loops.add(new Loop("floor-io-" + (i + 1)));
        }
    }

    /**
     * Binds the three ports (0 picks free ones) and starts serving; {@code threads} I/O loops,
     * like MINA's processors. vCom connections all live on the first loop.
     */
    public static FloorServer start(String address, int plainPort, int securePort, int vcomPort, int threads) throws IOException {
        FloorServer server = new FloorServer(threads);
        try {
            server.listen(new InetSocketAddress(address, plainPort), PlainWire::new, "floor-accept-plain");
            server.listen(new InetSocketAddress(address, securePort), SecureWire::server, "floor-accept-secure");
            server.listenVcom(new InetSocketAddress(address, vcomPort));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int plainPort() {
        return listeners.get(0).socket().getLocalPort();
    }

    public int securePort() {
        return listeners.get(1).socket().getLocalPort();
    }

    public int vcomPort() {
        return listeners.get(2).socket().getLocalPort();
    }

    private void listen(InetSocketAddress address, Supplier<DmWire> wire, String name) throws IOException {
        ServerSocketChannel listener = bind(address);
        startAcceptor(() -> accept(listener, wire), name);
    }

    private void listenVcom(InetSocketAddress address) throws IOException {
        ServerSocketChannel listener = bind(address);
        FloorVcom vcom = new FloorVcom(loops.get(0));
        startAcceptor(() -> vcom.accept(listener), "floor-accept-vcom");
    }

    private ServerSocketChannel bind(InetSocketAddress address) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(address, 1024);
        listeners.add(listener);
        return listener;
    }

    private void startAcceptor(Runnable accept, String name) {
        Thread acceptor = new Thread(accept, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocketChannel listener, Supplier<DmWire> wire) {
        while (listener.isOpen()) {
            try {
                SocketChannel channel = listener.accept();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Loop loop = nextLoop();
                FloorConn conn = new FloorConn(channel, loop, wire.get(), commands);
                loop.execute(() -> {
                    try {
                        conn.register();
                    } catch (IOException e) {
                        conn.close();
                    }
                });
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // Out of file descriptors, most likely: say so and keep serving the others.
                System.err.println("floor: accept: " + e.getMessage());
                sleepBriefly();
            }
        }
    }

    private synchronized Loop nextLoop() {
        Loop loop = loops.get(next);
        next = (next + 1) % loops.size();
        return loop;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (ServerSocketChannel listener : listeners) {
            try {
                listener.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        loops.forEach(Loop::close);
    }
}
