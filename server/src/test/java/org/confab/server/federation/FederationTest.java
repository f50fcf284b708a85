package org.confab.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three Confab hosts on one machine, each on its own loopback address (its host name) and the
 * same port: private messages both ways, a room shared by users of all three, and a host that
 * dies while its user is in another host's room.
 */
class FederationTest {

    private static final String A = "127.0.0.2";
    private static final String B = "127.0.0.3";
    private static final String C = "127.0.0.4";
    /** Fast liveness checks, so the dead host's users go within a second. */
    private static final Map<String, String> FAST = Map.of("federation.liveness-interval-ms", "200",
            "federation.liveness-failures", "2");

    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void start() {
        int port = TestServer.freePortOn(A, B, C);
        a = TestServer.host(A, port, FAST);
        b = TestServer.host(B, port, FAST);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    @Test
    void privateMessagesBothWays() {
        try (TextClient alice = a.loggedIn("alice"); TextClient bob = b.loggedIn("bob")) {
            alice.send("/pm bob@" + B + " hello from A").expect("Private message sent to bob@" + B + ".");
            bob.expect("(Private) alice@" + A + ": hello from A");
            bob.send("/pm alice@" + A + " hello from B").expect("Private message sent to alice@" + A + ".");
            alice.expect("(Private) bob@" + B + ": hello from B");

            alice.send("/pm nobody@" + B + " hi").expect("User does not exist.");
            b.loggedIn("sleeper").close();
            b.awaitOffline("sleeper");
            alice.send("/pm sleeper@" + B + " hi").expect("Failed to send private message to sleeper@" + B + ".");
        }
    }

    @Test
    void aForgedRequestNamingAnotherHostIsRefused() {
        try (TextClient victim = a.inRoom("victim", "general")) {
            String forgedPm = "{\"type\": \"remote_pm\", \"sender\": \"mallory\", \"recipient\": \"victim\", "
                    + "\"message\": \"forged\", \"from_host\": \"" + B + "\", \"msg_id\": \"f0rged\"}";
            assertThat(Raw.request(A, a.dmconnectPort(), forgedPm)).isEqualTo("{\"status\": \"error\", \"reason\": \"Dialback failed\"}");
            String forgedJoin = "{\"msg_id\": \"f0rged2\", \"from_host\": \"" + B + "\", \"type\": \"room_join\", "
                    + "\"room\": \"general\", \"sender\": \"mallory\"}";
            assertThat(Raw.request(A, a.dmconnectPort(), forgedJoin)).isEqualTo("{\"status\": \"error\", \"reason\": \"Dialback failed\"}");
            victim.expectNothingMore();
            // What A heard from B when it dialled back:
            String check = "{\"type\": \"dialback_check\", \"msg_id\": \"f0rged\", \"msg_type\": \"remote_pm\", "
                    + "\"from_host\": \"" + A + "\"}";
            assertThat(Raw.request(B, b.dmconnectPort(), check))
                    .isEqualTo("{\"type\": \"dialback_result\", \"msg_id\": \"f0rged\", \"result\": \"invalid\"}");
        }
    }

    @Test
    void pingsStatusRequestsAndNonsenseAreAnsweredAtOnce() {
        try (TextClient present = a.loggedIn("present")) {
            assertThat(Raw.request(A, a.dmconnectPort(), "{\"type\": \"s2s_ping\", \"from_host\": \"x.example\"}"))
                    .isEqualTo("{\"status\": \"ok\"}");
            assertThat(Raw.request(A, a.dmconnectPort(),
                    "{\"type\": \"status_request\", \"usernames\": [\"present\", \"absent\"], \"from_host\": \"x.example\"}"))
                    .isEqualTo("{\"status\": \"ok\", \"online_map\": {\"present\": true, \"absent\": false}}");
            assertThat(Raw.request(A, a.dmconnectPort(), "{\"type\": \"teleport\"}"))
                    .isEqualTo("{\"status\": \"error\", \"reason\": \"bad_request\"}");
        }
    }

    @Test
    void aHostThatIsDownGivesTheFailureLineAtOnce() {
        try (TextClient alice = a.loggedIn("hasty")) {
            long start = System.nanoTime();
            alice.send("/pm bob@127.0.0.9 hi").expect("Failed to send private message to bob@127.0.0.9.");
            alice.send("/join_server lobby@127.0.0.9").expect("Server does not exist.");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
        }
    }

    @Test
    void aRoomWithUsersOfThreeHostsAndOneHostDying() {
        try (TestServer c = TestServer.host(C, a.dmconnectPort(), FAST);
             TextClient ann = a.inRoom("ann", "general");
             TextClient ben = b.loggedIn("ben");
             TextClient cid = c.loggedIn("cid")) {
            ben.send("/join_server nosuchroom@" + A).expect("Server does not exist.");
            ben.send("/join_server general@" + A).expect("Joined server 'general@" + A + "' successfully.",
                    "*** ben has joined the server.");
            ann.expect("*** ben@" + B + " has joined the server.");
            cid.send("/join_server general@" + A).expect("Joined server 'general@" + A + "' successfully.",
                    "*** cid has joined the server.");
            ann.expect("*** cid@" + C + " has joined the server.");
            ben.expect("*** cid@" + C + " has joined the server.");
            ben.send("/join_server general").expect("You're already connected to the server 'general@" + A + "'.");

            ben.send("hello from B");
            ben.expect("ben: hello from B");
            ann.expect("ben@" + B + ": hello from B");
            cid.expect("ben@" + B + ": hello from B");
            ann.send("hello from A");
            ann.expect("ann: hello from A");
            ben.expect("ann@" + A + ": hello from A");
            cid.expect("ann@" + A + ": hello from A");
            cid.send("/act waves from C");
            cid.expect("*** cid waves from C");
            ann.expect("*** cid@" + C + " waves from C");
            ben.expect("*** cid@" + C + " waves from C");
            cid.send("/act has left the server.").expect("This action is not allowed.");

            ann.send("/members").expect("Members in 'general': ann, ben@" + B + ", cid@" + C);
            ben.send("/members").expect("Members in 'general@" + A + "': ann@" + A + ", ben, cid@" + C);

            cid.close();
            ann.expect("*** cid@" + C + " has left the server.");
            ben.expect("*** cid@" + C + " has left the server.");

            b.close();
            ann.expect("*** ben@" + B + " has left the server.");
            ann.send("/members").expect("Members in 'general': ann");
        } finally {
            b.restart();
        }
    }
}
