package org.confab.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;

/** Each abuse limit, over real sockets, with its documented reply. */
class LimitsTest {

    @Test
    void connectionsPerAddressAreCapped() {
        try (TestServer server = TestServer.start(Map.of("limits.connections-per-address", "3"))) {
            List<TextClient> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    TextClient c = server.connect();
                    c.expectGreeting();
                    open.add(c);
                }
                try (TextClient fourth = server.connect()) {
                    assertThat(fourth.awaitClosed()).isTrue();
                }
                open.remove(0).close();
                // The slot is freed once the server has seen the close; a new client then gets in.
                TextClient again = awaitAdmitted(server);
                open.add(again);
            } finally {
                open.forEach(TextClient::close);
            }
        }
    }

    /** Connects until the server greets again: a refused connection is closed without a greeting. */
    private static TextClient awaitAdmitted(TestServer server) {
        for (int attempt = 0; attempt < 100; attempt++) {
            TextClient c = server.connect();
            try {
                c.expectGreeting();
                return c;
            } catch (AssertionError closed) {
                c.close();
            }
        }
        throw new AssertionError("never admitted again");
    }

    @Test
    void sessionsPerAccountAreCapped() {
        try (TestServer server = TestServer.start(Map.of("limits.sessions-per-account", "2"));
             TextClient one = server.loggedIn("busy");
             TextClient two = server.connect();
             TextClient three = server.connect()) {
            two.expectGreeting();
            two.login("busy", "pw-busy");
            three.expectGreeting();
            three.send("/login busy pw-busy").expect("Too many sessions for this account; close one first.").expectGreeting();
        }
    }

    @Test
    void connectionsThatDoNotLogInInTimeAreClosedEvenIfTheyTrickle() {
        try (TestServer server = TestServer.start(Map.of("limits.login-timeout-seconds", "2"));
             TextClient slow = server.connect()) {
            slow.expectGreeting();
            slow.sendRaw("/lo");
            // Keep trickling, as a slowloris client does; the deadline counts from the connect.
            slow.sendRaw("g");
            String line = slow.readLine();
            while (line.equals(TextClient.GREETING)) {
                line = slow.readLine(); // the trickled fragments were answered like any other text
            }
            assertThat(line).isEqualTo("Login timed out.");
            assertThat(slow.awaitClosed()).isTrue();
        }
    }

    @Test
    void loggedInConnectionsThatFallSilentAreClosed() {
        try (TestServer server = TestServer.start(Map.of("limits.idle-timeout-seconds", "2"));
             TextClient quiet = server.loggedIn("quiet")) {
            quiet.expect("Connection timed out: nothing received for too long.");
            assertThat(quiet.awaitClosed()).isTrue();
        }
    }

    @Test
    void messagesOverTheRateAreDroppedWithAReply() {
        try (TestServer server = TestServer.start(Map.of("limits.messages-per-second", "1", "limits.message-burst", "3"));
             TextClient c = server.connect()) {
            c.expectGreeting();
            // Registration and login use the burst too; let the bucket refill by waiting on pings,
            // which are never limited.
            c.sendRaw("/register flooder pw\r\n");
            c.expect("Registration successful. Please log in.").expectGreeting();
            c.sendRaw("/login flooder pw\r\n");
            c.expect("Login successful.");
            c.readLine();
            c.readLine();
            c.sendRaw("/join_server general\r\n");
            c.expect("Joined server 'general' successfully.", "*** flooder has joined the server.");
            c.sendRaw("a\r\nb\r\nc\r\nd\r\ne\r\n");
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                replies.add(c.readLine());
            }
            assertThat(replies).contains("You are sending messages too fast; this one was dropped.");
            assertThat(replies.stream().filter(r -> r.startsWith("flooder: ")).count()).isLessThan(5);
            c.send("/").expect("*Ping*");
        }
    }
}
