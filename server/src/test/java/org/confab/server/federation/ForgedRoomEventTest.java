package org.confab.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confab.server.testing.Await;
import org.confab.server.testing.LogCapture;
import org.confab.server.testing.RawFederation;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;

/**
 * A host that hosts a room may report what happens in it, but not make this server's own users
 * say or do what they did not: such an event is shown only as the echo of something the user
 * really did here, once.
 */
class ForgedRoomEventTest {

    private static final String HERE = "127.0.0.5";
    private static final String HOME = "127.0.0.6";
    private static final Pattern MSG_ID = Pattern.compile("\"msg_id\"\\s*:\\s*\"([^\"]*)\"");

    /**
     * The hostile home host: it answers every request with ok, and every dialback with ok, so
     * that its own forged events pass dialback. It keeps the requests it was sent.
     */
    private static final class HomeHost implements AutoCloseable {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;
        private final Thread acceptor;

        HomeHost(int port) throws IOException {
            socket = new ServerSocket(port, 50, InetAddress.getByName(HOME));
            acceptor = new Thread(this::serve, "fake-home-host");
            acceptor.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.setSoTimeout(10_000);
                    String request = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                    received.add(request);
                    Matcher id = MSG_ID.matcher(request);
                    String answer = request.contains("\"dialback_check\"") && id.find()
                            ? "{\"type\": \"dialback_result\", \"msg_id\": \"" + id.group(1) + "\", \"result\": \"ok\"}"
                            : "{\"status\": \"ok\"}";
                    s.getOutputStream().write((answer + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    if (!socket.isClosed()) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        void await(String fragment) {
            Await.until(() -> received.stream().anyMatch(r -> r.contains(fragment)), "the home host hearing " + fragment);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join();
        }
    }

    private static String event(String msgId, String kind, String sender, String payload) {
        return "{\"type\": \"room_event\", \"from_host\": \"" + HOME + "\", \"msg_id\": \"" + msgId + "\", \"room\": \"lounge\", "
                + "\"event\": \"" + kind + "\", \"sender\": \"" + sender + "\", \"sender_origin\": \"" + HERE + "\", "
                + "\"payload\": " + payload + "}";
    }

    @Test
    void onlyEchoesOfWhatALocalUserReallyDidAreShown() throws Exception {
        int port = TestServer.freePortOn(HERE, HOME);
        try (HomeHost home = new HomeHost(port);
             TestServer here = TestServer.host(HERE, port, Map.of());
             LogCapture log = LogCapture.of(VisitedRooms.class);
             TextClient alice = here.loggedIn("alice");
             TextClient bob = here.loggedIn("bob")) {
            alice.send("/join_server lounge@" + HOME).expect("Joined server 'lounge@" + HOME + "' successfully.");
            String ok = "{\"status\": \"ok\"}";
            // Her own join, echoed: shown.
            assertThat(RawFederation.request(HERE, port, event("e1", "joined", "alice", "{}"))).isEqualTo(ok);
            alice.expect("*** alice has joined the server.");

            alice.send("hello all");
            home.await("hello all");
            assertThat(RawFederation.request(HERE, port, event("e2", "message", "alice", "{\"text\": \"hello all\"}"))).isEqualTo(ok);
            alice.expect("alice: hello all");
            // The same echo again, a line she never typed, an action, and bob, who is not in the room.
            assertThat(RawFederation.request(HERE, port, event("e3", "message", "alice", "{\"text\": \"hello all\"}"))).isEqualTo(ok);
            assertThat(RawFederation.request(HERE, port, event("e4", "message", "ALICE", "{\"text\": \"I resign\"}"))).isEqualTo(ok);
            assertThat(RawFederation.request(HERE, port, event("e5", "act", "alice", "{\"act\": \"waves\"}"))).isEqualTo(ok);
            assertThat(RawFederation.request(HERE, port, event("e6", "joined", "bob", "{}"))).isEqualTo(ok);
            assertThat(RawFederation.request(HERE, port, event("e7", "left", "alice", "{}"))).isEqualTo(ok);
            alice.expectNothingMore();
            bob.expectNothingMore();
            assertThat(log.messages(ch.qos.logback.classic.Level.INFO).stream()
                    .filter(m -> m.startsWith("Ignored a room_event from " + HOME))).hasSize(5);

            // Users of other hosts are the home host's to report.
            String visitor = "{\"type\": \"room_event\", \"from_host\": \"" + HOME + "\", \"msg_id\": \"e8\", \"room\": \"lounge\", "
                    + "\"event\": \"message\", \"sender\": \"carol\", \"sender_origin\": \"" + HOME + "\", \"payload\": {\"text\": \"hi\"}}";
            assertThat(RawFederation.request(HERE, port, visitor)).isEqualTo(ok);
            alice.expect("carol@" + HOME + ": hi");
        }
    }
}
