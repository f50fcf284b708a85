package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferAccept;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferId;
import org.confab.binary.FileTransferOffer;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.VcomPacket;
import org.confab.server.testing.Await;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.VcomClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay holds a bounded window per transfer: while the receiver does not read, the server
 * stops reading from the sender once the window is full, so the bytes wait in the sender's
 * socket, not in the server's memory.
 */
class VcomFlowControlTest {

    private static final int WINDOW = 16_384;
    /** One 1024-byte chunk with its 12 bytes of packet header. */
    private static final int CHUNK_PACKET = 1024 + 12;
    private static final int FILE = 4 << 20;

    @Test
    @Timeout(60)
    void aSenderIsHeldWhileItsReceiverDoesNotReadAndGoesOnWhenItDoes() throws Exception {
        try (TestServer server = TestServer.start(Map.of("vcom.transfer-window-bytes", Integer.toString(WINDOW)));
             VcomClient sender = small(server); VcomClient receiver = small(server)) {
            sender.login("fcsender", "pw");
            sender.expectNothingMore();
            receiver.login("fcreceiver", "pw");
            receiver.expectNothingMore();
            VcomConnection from = connection(server, "fcsender");
            VcomConnection to = connection(server, "fcreceiver");

            sender.send(new FileTransferRequest("fcreceiver", FILE, "big.bin"));
            int id = sender.expect(FileTransferId.class).transferId();
            receiver.expect(FileTransferOffer.class);
            receiver.send(new FileTransferAccept(id));
            sender.expect(new FileTransferAccept(id));

            byte[] file = new byte[FILE];
            new Random(7).nextBytes(file);
            AtomicLong largestBacklog = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
                while (sampling.get()) {
                    largestBacklog.accumulateAndGet(to.unsent(), Math::max);
                    LockSupport.parkNanos(100_000);
                }
            });
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                for (int at = 0; at < FILE; at += 1024) {
                    sender.send(new FileChunk(id, Arrays.copyOfRange(file, at, at + 1024)));
                }
                sender.send(new FileTransferComplete(id));
            });

            Await.until(() -> from.inbound().held(), "the sender held");
            assertThat(to.unsent()).isLessThanOrEqualTo(WINDOW + CHUNK_PACKET);
            // The rest waits in the sender's socket: it cannot have written everything yet.
            assertThat(sending).isNotDone();

            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long received = 0;
            while (true) {
                VcomPacket p = receiver.read();
                if (p instanceof FileTransferComplete) {
                    break;
                }
                byte[] data = ((FileChunk) p).data();
                digest.update(data);
                received += data.length;
            }
            sending.get(10, TimeUnit.SECONDS);
            sampling.set(false);
            sampler.get(10, TimeUnit.SECONDS);
            assertThat(received).isEqualTo(FILE);
            assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(file));
            assertThat(largestBacklog.get()).isLessThanOrEqualTo(WINDOW + CHUNK_PACKET);
            assertThat(from.inbound().held()).isFalse();
            sender.expectNothingMore();
        }
    }

    private static VcomClient small(TestServer server) {
        return VcomClient.connect(server.vcomPort(), VcomClient.trusting(server.dataDir()), 65536, "TLSv1.3");
    }

    static VcomConnection connection(TestServer server, String user) {
        return (VcomConnection) server.server().community().sessions().of(user).get(0);
    }
}
