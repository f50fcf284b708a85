package org.confab.bench.work;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.confab.bench.net.Conn;
import org.confab.bench.vcom.Tls;
import org.confab.bench.vcom.TlsWire;
import org.confab.binary.FileChunk;
import org.confab.binary.VcomEncoder;

/**
 * The baseline for a relayed file: the same chunk packets sent over one TLS connection on
 * loopback, straight from the generator to itself, with no server in between.
 */
final class DirectTlsCopy {

    private static final VcomEncoder ENCODER = new VcomEncoder();

    private DirectTlsCopy() {
    }

    /** Seconds from the end of the handshake to the last byte read; -1 on failure or timeout. */
    static double run(RunContext context, long size) throws IOException, InterruptedException {
        SSLContext serverContext = Tls.selfSignedServerContext();
        long wireBytes = (size / ChunkStream.CHUNK) * (12L + ChunkStream.CHUNK) + (size % ChunkStream.CHUNK == 0 ? 0 : 12 + size % ChunkStream.CHUNK);
        CountDownLatch done = new CountDownLatch(1);
        long[] times = new long[2];
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            Conn.open(context.generator().loop(0), (InetSocketAddress) listener.getLocalAddress(), null,
                    new End(Tls.clientEngine(), (end, conn) -> {
                        times[0] = System.nanoTime();
                        ChunkStream stream = new ChunkStream(conn, 1, size, chunks -> end.send(encode(chunks)), () -> { });
                        end.whenDrained = stream::pump;
                        stream.pump();
                    }, null));
            SocketChannel accepted = listener.accept();
            long[] received = new long[1];
            Conn.adopt(context.generator().loop(1), accepted, new End(Tls.serverEngine(serverContext), (end, conn) -> { },
                    in -> {
                        received[0] += in.remaining();
                        in.position(in.limit());
                        if (received[0] >= wireBytes && done.getCount() > 0) {
                            times[1] = System.nanoTime();
                            done.countDown();
                        }
                    }));
            if (!done.await(context.timeout().toSeconds(), TimeUnit.SECONDS)) {
                return -1;
            }
        }
        return (times[1] - times[0]) / 1e9;
    }

    private static ByteBuffer encode(List<FileChunk> chunks) {
        int bytes = chunks.stream().mapToInt(ENCODER::encodedSize).sum();
        ByteBuffer out = ByteBuffer.allocate(bytes);
        chunks.forEach(c -> ENCODER.encode(c, out));
        return out.flip();
    }

    /** One TLS end of the copy. */
    private static final class End implements Conn.Handler, TlsWire.Listener {

        interface Start {
            void handshaken(End end, Conn conn);
        }

        private final SSLEngine engine;
        private final Start start;
        private final Consumer<ByteBuffer> reader;
        private TlsWire tls;
        private Conn conn;
        Runnable whenDrained;

        End(SSLEngine engine, Start start, Consumer<ByteBuffer> reader) {
            this.engine = engine;
            this.start = start;
            this.reader = reader;
        }

        void send(ByteBuffer app) {
            try {
                tls.send(app);
            } catch (SSLException e) {
                conn.close(e.getMessage());
            }
        }

        @Override
        public void connected(Conn c) {
            conn = c;
            tls = new TlsWire(engine, this);
            try {
                tls.start();
            } catch (SSLException e) {
                c.close(e.getMessage());
            }
        }

        @Override
        public void received(Conn c, ByteBuffer in) {
            try {
                tls.received(in);
            } catch (SSLException e) {
                c.close(e.getMessage());
            }
        }

        @Override
        public void drained(Conn c) {
            if (whenDrained != null) {
                whenDrained.run();
            }
        }

        @Override
        public void closed(Conn c, String why) {
        }

        @Override
        public void application(ByteBuffer in) {
            if (reader != null) {
                reader.accept(in);
            } else {
                in.position(in.limit());
            }
        }

        @Override
        public void handshaken() {
            start.handshaken(this, conn);
        }

        @Override
        public void network(ByteBuffer out) {
            conn.write(out);
        }
    }
}
