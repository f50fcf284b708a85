package org.confab.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.ListSync;
import org.confab.binary.SendMulticast;
import org.confab.binary.SendUnicast;
import org.confab.binary.UnicastMessage;
import org.confab.binary.UserListsSync;
import org.confab.binary.VcomEncoder;
import org.confab.binary.VcomPacket;
import org.confab.server.testing.LogCapture;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.VcomClient;
import org.junit.jupiter.api.Test;

/**
 * Socket-level fuzzing of the vCom TLS port: each case is a TLS connection carrying a random or
 * mutated vCom session. After every case a fresh client must log in, and two bystanders exchanging
 * private messages must have received every one of them, once, in order. Seeded like
 * {@link DmconnectFuzzTest}: {@code -Dconfab.fuzz.cases=10000}, {@code -Dconfab.fuzz.seed=N}.
 */
class VcomFuzzTest {

    private static final int CASES = Integer.getInteger("confab.fuzz.cases", 200);
    private static final long SEED = Long.getLong("confab.fuzz.seed", 20261121L);
    private static final VcomEncoder ENCODER = new VcomEncoder();

    @Test
    void hostileSessionsNeverDisturbOthers() throws Exception {
        try (LogCapture log = new LogCapture(Level.WARN);
             // Mutated logins fail from this one address; the throttle has its own tests.
             TestServer server = TestServer.start(Map.of("password.argon2.memory-kib", "64", "password.argon2.iterations", "1",
                     "login.max-failures", "1000000"));
             VcomClient alice = server.vcom("vbystander-a");
             VcomClient bob = server.vcom("vbystander-b")) {
            Mutator mutator = new Mutator(SEED);
            for (int i = 0; i < CASES; i++) {
                send(server, mutator.mutate(session(i)), mutator);

                try (VcomClient fresh = server.vcom()) {
                    fresh.login("vfresh" + (i % 5), "pw");
                }
                if (i % 10 == 0) {
                    byte[] text = ("case " + i + " seed " + SEED).getBytes(StandardCharsets.UTF_8);
                    alice.send(new SendUnicast("vbystander-b", 0, true, text));
                    UnicastMessage got = bob.expect(UnicastMessage.class);
                    assertThat(got.sender()).isEqualTo("vbystander-a");
                    assertThat(got.data()).isEqualTo(text);
                }
            }
            alice.expectNothingMore();
            bob.expectNothingMore();
            assertThat(log.messages(Level.ERROR)).as("errors logged by the server").isEmpty();
        }
    }

    private static List<byte[]> session(int i) {
        List<VcomPacket> packets = List.of(
                new ConnectionRequest("vfuzz" + i, -1, "pw".getBytes(StandardCharsets.UTF_8)),
                new UserListsSync(ListSync.clientNewer(List.of("vtarget", "x" + i)), ListSync.WANT_SERVER),
                new SendUnicast("vtarget", 0, true, ("hi " + i).getBytes(StandardCharsets.UTF_8)),
                new SendMulticast(1, 0, true, "group".getBytes(StandardCharsets.UTF_8)),
                new FileTransferRequest("vtarget", 10, "f" + i + ".txt"),
                new FileChunk(1, new byte[10]),
                new FileTransferComplete(1));
        List<byte[]> messages = new ArrayList<>();
        packets.forEach(p -> messages.add(ENCODER.encode(p)));
        return messages;
    }

    /** One case on its own TLS connection, in random pieces; the server may hang up at any point. */
    private static void send(TestServer server, byte[] bytes, Mutator mutator) {
        try (VcomClient c = server.vcom()) {
            Socket socket = c.socket();
            OutputStream out = socket.getOutputStream();
            int at = 0;
            while (at < bytes.length) {
                int n = Math.min(bytes.length - at, 1 + mutator.random().nextInt(8192));
                out.write(bytes, at, n);
                out.flush();
                at += n;
            }
        } catch (IOException | RuntimeException closedByServer) {
            // A protocol error closes the connection; that is one of the expected outcomes.
        }
    }
}
