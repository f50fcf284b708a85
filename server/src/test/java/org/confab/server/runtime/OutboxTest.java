package org.confab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.junit.jupiter.api.Test;

/** Over a real MINA connection: order is kept, bursts coalesce, and the last line before a close arrives. */
class OutboxTest {

    @Test
    void burstArrivesWholeInOrderAndTheCloseWaitsForIt() throws Exception {
        CompletableFuture<IoSession> accepted = new CompletableFuture<>();
        NioSocketAcceptor acceptor = new NioSocketAcceptor(1);
        acceptor.setHandler(new IoHandlerAdapter() {
            @Override
            public void sessionOpened(IoSession session) {
                accepted.complete(session);
            }
        });
        acceptor.bind(new InetSocketAddress("127.0.0.1", 0));
        try (Socket client = new Socket()) {
            client.connect(acceptor.getLocalAddress(), 5_000);
            client.setSoTimeout(10_000);
            IoSession io = accepted.get(10, TimeUnit.SECONDS);
            Outbox outbox = new Outbox(io);
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 5_000; i++) {
                String line = "line " + i + "\n";
                expected.append(line);
                outbox.send(IoBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
            }
            outbox.send(IoBuffer.wrap("bye\n".getBytes(StandardCharsets.US_ASCII)));
            expected.append("bye\n");
            outbox.closeWhenWritten();

            InputStream in = client.getInputStream();
            String received = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(received).isEqualTo(expected.toString());
            assertThat(outbox.backlog()).isZero();
        } finally {
            acceptor.dispose(true);
        }
    }
}
