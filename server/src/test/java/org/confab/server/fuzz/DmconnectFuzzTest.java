package org.confab.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ch.qos.logback.classic.Level;
import org.confab.server.testing.LogCapture;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;

/**
 * Socket-level fuzzing of the DMconnect port: random and mutated sessions, each on its own
 * connection. After every case a fresh client must be served, and two bystanders chatting in a
 * room the fuzz cases cannot reach must have received every line meant for them, once, in order.
 *
 * <p>{@code -Dconfab.fuzz.cases=10000} runs a nightly-sized campaign; {@code -Dconfab.fuzz.seed=N}
 * replays one. The server hashes passwords with small Argon2 parameters here: the fuzzer is about
 * parsing and state, and many mutated sessions still register.
 */
class DmconnectFuzzTest {

    private static final int CASES = Integer.getInteger("confab.fuzz.cases", 300);
    private static final long SEED = Long.getLong("confab.fuzz.seed", 20261121L);

    private static final List<String> SESSION = List.of(
            "/register fuzzer%d pw\r\n", "/login fuzzer%d pw\r\n", "/join_server general\r\n", "hello\r\n",
            "/act waves\r\n", "/members\r\n", "/pm fuzzer0 hi\r\n", "/list_servers\r\n", "/create_server fz%d\r\n",
            "/join_server fz%d@other.host\r\n", "/help\r\n", "/list_capabilities\r\n", "/status-check x\r\n", "/\r\n");

    @Test
    void hostileSessionsNeverDisturbOthers() throws Exception {
        try (LogCapture log = new LogCapture(Level.WARN);
             TestServer server = TestServer.start(Map.of("password.argon2.memory-kib", "64", "password.argon2.iterations", "1"));
             TextClient alice = server.loggedIn("bystander-a");
             TextClient bob = server.loggedIn("bystander-b")) {
            String room = "quiet" + SEED;
            alice.send("/create_server " + room).expect("Server '" + room + "' created successfully.");
            alice.send("/join_server " + room).expect("Joined server '" + room + "' successfully.", "*** bystander-a has joined the server.");
            bob.send("/join_server " + room).expect("Joined server '" + room + "' successfully.", "*** bystander-b has joined the server.");
            alice.expect("*** bystander-b has joined the server.");

            Mutator mutator = new Mutator(SEED);
            for (int i = 0; i < CASES; i++) {
                byte[] hostile = mutator.mutate(session(i));
                send(server.dmconnectPort(), hostile, mutator);

                try (TextClient fresh = server.connect()) {
                    fresh.send("/");
                    fresh.expectGreeting().expect("*Ping*");
                }
                if (i % 10 == 0) {
                    String line = "case " + i + " seed " + SEED;
                    alice.send(line).expect("bystander-a: " + line);
                    bob.expect("bystander-a: " + line);
                }
            }
            alice.expectNothingMore();
            bob.expectNothingMore();
            assertThat(log.messages(Level.ERROR)).as("errors logged by the server").isEmpty();
        }
    }

    private static List<byte[]> session(int i) {
        List<byte[]> messages = new ArrayList<>();
        for (String template : SESSION) {
            messages.add(String.format(template, i).getBytes(StandardCharsets.UTF_8));
        }
        return messages;
    }

    /** Sends one case in random pieces, then leaves in one of the ways clients leave. */
    private static void send(int port, byte[] bytes, Mutator mutator) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoLinger(mutator.random().nextInt(4) == 0, 0); // sometimes a reset instead of a FIN
            OutputStream out = s.getOutputStream();
            int at = 0;
            while (at < bytes.length) {
                int n = Math.min(bytes.length - at, 1 + mutator.random().nextInt(8192));
                try {
                    out.write(bytes, at, n);
                } catch (IOException closedByServer) {
                    return; // e.g. a federation or HTTP side channel that answered and hung up
                }
                at += n;
            }
            if (mutator.random().nextBoolean()) {
                s.shutdownOutput(); // half-close: the server may still answer
            }
        }
        assertThat(bytes).isNotNull();
    }
}
