package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.confab.binary.ConnectionAccept;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferAccept;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferId;
import org.confab.binary.FileTransferOffer;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.SendUnicast;
import org.confab.binary.UnicastMessage;
import org.confab.binary.VcomEncoder;
import org.confab.server.testing.LogCapture;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.VcomClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bytes that break the vCom format close that one connection, with a log line naming the peer
 * and the reason; nobody else notices.
 */
class VcomHostileInputTest {

    private static final int MAX_BUFFERED = 200_000;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("vcom.max-buffered-bytes", Integer.toString(MAX_BUFFERED),
                "vcom.plain-port", "0", "vcom.login-timeout-ms", "2000"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private static byte[] bytes(Consumer<ByteBuffer> writer) {
        ByteBuffer b = ByteBuffer.allocate(64);
        writer.accept(b);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** A logged-in connection that then sends {@code hostile}; it must be closed. */
    private static void closedAfter(String user, byte[] hostile) {
        try (VcomClient c = server.vcom(user)) {
            try {
                c.sendRaw(hostile);
            } catch (UncheckedIOException e) {
                return; // closed while we were still sending
            }
            assertThat(c.awaitClosed()).as("closed after hostile input").isTrue();
        }
    }

    @Test
    void negativeLengthsCloseTheConnection() {
        closedAfter("h1", ints(266, -1));
        closedAfter("h1", bytes(b -> b.putInt(267).putInt(1).putLong(0).put((byte) 1).putInt(-5)));
        closedAfter("h1", bytes(b -> b.putInt(260).put((byte) 2).putInt(-1)));
    }

    @Test
    void hugeLengthsCloseTheConnectionWithoutWaitingForThem() {
        closedAfter("h2", ints(266, Integer.MAX_VALUE));
        closedAfter("h2", bytes(b -> b.putInt(260).put((byte) 2).putInt(Integer.MAX_VALUE)));
        closedAfter("h2", bytes(b -> b.putInt(273).putInt(1).putInt(65_537)));
        closedAfter("h2", bytes(b -> b.putInt(260).put((byte) 7)));
    }

    @Test
    void unknownAndWrongDirectionPacketsCloseTheConnection() {
        closedAfter("h3", ints(999));
        closedAfter("h3", ints(-1));
        closedAfter("h3", ints(ConnectionAccept.ID, 5));
        closedAfter("h3", ints(UnicastMessage.ID));
    }

    @Test
    void aPacketLargerThanTheBufferLimitClosesTheConnection() {
        // A list sync of 10,000 entries of 4 KiB is legal field by field (82 MB): the first
        // entries are enough to go over the limit.
        ByteBuffer b = ByteBuffer.allocate(9 + 60 * 4100);
        b.putInt(260).put((byte) 2).putInt(10_000);
        while (b.remaining() >= 4100) {
            b.putInt(4096).put(new byte[4096]);
        }
        closedAfter("h4", Arrays.copyOf(b.array(), b.position()));
    }

    @Test
    void aTruncatedPacketJustWaitsAndDoesNotBlockOthers() {
        try (VcomClient partial = server.vcom("h5partial"); VcomClient to = server.vcom("h5to")) {
            byte[] whole = new VcomEncoder().encode(new SendUnicast("h5to", 0, true, new byte[] {'a', 'b'}));
            partial.sendRaw(Arrays.copyOf(whole, whole.length - 1));
            try (VcomClient other = server.vcom("h5other")) {
                other.send(new SendUnicast("h5to", 0, true, new byte[] {'x'}));
                assertThat(to.expect(UnicastMessage.class).sender()).isEqualTo("h5other");
            }
            partial.sendRaw(new byte[] {whole[whole.length - 1]});
            assertThat(to.expect(UnicastMessage.class).data()).containsExactly('a', 'b');
        }
    }

    @Test
    void garbageInsteadOfTlsIsClosedAndLogged() throws IOException {
        try (LogCapture log = LogCapture.of(VcomHandler.class); Socket raw = new Socket("127.0.0.1", server.vcomPort())) {
            raw.setSoTimeout(10_000);
            OutputStream out = raw.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            out.flush();
            assertThat(drainsToEnd(raw)).isTrue();
            log.await("TLS failed with /127\\.0\\.0\\.1:\\d+: .*; closing");
        }
    }

    @Test
    void aProtocolErrorIsLoggedWithThePeerAndTheReason() {
        try (LogCapture log = LogCapture.of(VcomConnection.class)) {
            closedAfter("h6", ints(4242));
            log.await("vCom protocol error from /127\\.0\\.0\\.1:\\d+ \\(h6\\): UNKNOWN_PACKET in packet 4242.*; closing");
        }
    }

    @Test
    void thePlainPortSpeaksTheSameProtocolWithoutTls() {
        try (VcomClient c = VcomClient.connectPlain(server.server().port("vcom-plain"))) {
            c.login("h7", "pw-h7");
            c.expectNothingMore();
            c.sendRaw(ints(12345));
            assertThat(c.awaitClosed()).isTrue();
        }
    }

    @Test
    void aHostileConnectionDoesNotDisturbATransferInProgress() {
        try (VcomClient a = server.vcom("h8a"); VcomClient b = server.vcom("h8b")) {
            a.send(new FileTransferRequest("h8b", 3000, "f"));
            int id = a.expect(FileTransferId.class).transferId();
            b.expect(FileTransferOffer.class);
            b.send(new FileTransferAccept(id));
            a.expect(new FileTransferAccept(id));
            a.send(new FileChunk(id, new byte[1000]));
            b.expect(FileChunk.class);

            closedAfter("h8eve", ints(266, -7));
            try (VcomClient garbage = VcomClient.connectPlain(server.server().port("vcom-plain"))) {
                garbage.sendRaw(ints(256, Integer.MAX_VALUE));
                garbage.expectDenied(4);
            }

            a.send(new FileChunk(id, new byte[1000]));
            a.send(new FileChunk(id, new byte[1000]));
            a.send(new FileTransferComplete(id));
            b.expect(FileChunk.class);
            b.expect(FileChunk.class);
            b.expect(new FileTransferComplete(id));
            a.expectNothingMore();
        }
    }

    private static boolean drainsToEnd(Socket socket) {
        try {
            byte[] discard = new byte[1024];
            while (socket.getInputStream().read(discard) >= 0) {
                // Whatever the TLS layer answered.
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
