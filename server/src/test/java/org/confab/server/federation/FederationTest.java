package org.confab.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.confab.binary.MulticastMessage;
import org.confab.text.Replies;
import org.confab.server.testing.RawFederation;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.VcomClient;
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
    /** A host that accepts connections and never answers; it must listen on the shared port too. */
    private static final String SILENT = "127.0.0.7";
    /** Fast liveness checks, so the dead host's users go within a second. */
    private static final Map<String, String> FAST = Map.of("federation.liveness-interval-ms", "200",
            "federation.liveness-failures", "2", "federation.read-timeout-ms", "2000");

    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void start() {
        int port = TestServer.freePortOn(A, B, C, SILENT);
        a = TestServer.host(A, port, FAST);
        b = TestServer.host(B, port, FAST);
    }

    /** Each test has its own room, so that no test hears another's users come and go. */
    private static String room(TestServer host, String name) {
        try (TextClient creator = host.loggedIn(name + "-creator")) {
            creator.send("/create_server " + name).expect("Server '" + name + "' created successfully.");
        }
        return name;
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
            // Escaped for JSON, this is over the 32 KB a host reads in one go: refused, not cut.
            alice.send("/pm bob@" + B + " " + "\u00e9".repeat(6_000)).expect("Failed to send private message to bob@" + B + ".");
            b.loggedIn("sleeper").close();
            b.awaitOffline("sleeper");
            alice.send("/pm sleeper@" + B + " hi").expect("Failed to send private message to sleeper@" + B + ".");
        }
    }

    @Test
    void aRemoteUsersLineReachesTheRoomsVcomMembers() {
        String room = room(a, "bridged");
        try (TextClient local = a.inRoom("bridge-local", room); TextClient remote = b.loggedIn("bridge-remote")) {
            int group = a.server().community().rooms().find(room).orElseThrow().id();
            try (VcomClient vcom = a.vcom("bridge-local")) {
                remote.send("/join_server " + room + "@" + A).expect("Joined server '" + room + "@" + A + "' successfully.",
                        "*** bridge-remote has joined the server.");
                local.expect("*** bridge-remote@" + B + " has joined the server.");
                remote.send("over the bridge").expect("bridge-remote: over the bridge");
                local.expect("bridge-remote@" + B + ": over the bridge");
                MulticastMessage got = vcom.expect(MulticastMessage.class);
                assertThat(got.sender()).isEqualTo("bridge-remote@" + B);
                assertThat(got.groupId()).isEqualTo(group);
                assertThat(new String(got.data(), StandardCharsets.UTF_8)).isEqualTo("over the bridge");
            }
        }
    }

    @Test
    void statusOfUsersOfAnotherHost() {
        try (TextClient fan = a.loggedIn("fan")) {
            b.loggedIn("star").close();
            b.awaitOffline("star");
            fan.send("/status-sub-add ghost@" + B).expect("User does not exist.");
            fan.send("/status-sub-add star@" + B).expect("Subscribed to star@" + B + ".");
            fan.send("/status-check star@" + B).expect("star@" + B + " is offline.");
            TextClient star = b.connect();
            star.expectGreeting();
            star.login("star", "pw-star");
            fan.expect("star@" + B + " is online.");
            fan.send("/status-check star@" + B).expect("star@" + B + " is online.");
            star.close();
            fan.expect("star@" + B + " is offline.");
            fan.send("/status-sub-del star@" + B).expect("Unsubscribed from star@" + B + ".");
            fan.send("/status-check star@127.0.0.9").expect("star@127.0.0.9 is offline.");
        }
    }

    @Test
    void ignoringAUserOfAnotherHost() {
        try (TextClient calm = a.inRoom("calm", room(a, "quiet")); TextClient loud = b.loggedIn("loud")) {
            calm.send("/ignore-add loud@" + B).expect("Ignoring loud@" + B + ".");
            loud.send("/pm calm@" + A + " hey").expect("Private message sent to calm@" + A + ".");
            loud.send("/join_server quiet@" + A).expect("Joined server 'quiet@" + A + "' successfully.",
                    "*** loud has joined the server.");
            loud.send("anyone?");
            loud.expect("loud: anyone?");
            calm.expectNothingMore();
            calm.send("/ignore-del loud@" + B).expect("Stopped ignoring loud@" + B + ".");
            loud.send("now?");
            calm.expect("loud@" + B + ": now?");
        }
    }

    @Test
    void aForgedRequestNamingAnotherHostIsRefused() {
        try (TextClient victim = a.inRoom("victim", room(a, "guarded"))) {
            String forgedPm = "{\"type\": \"remote_pm\", \"sender\": \"mallory\", \"recipient\": \"victim\", "
                    + "\"message\": \"forged\", \"from_host\": \"" + B + "\", \"msg_id\": \"f0rged\"}";
            assertThat(RawFederation.request(A, a.dmconnectPort(), forgedPm)).isEqualTo("{\"status\": \"error\", \"reason\": \"Dialback failed\"}");
            String forgedJoin = "{\"msg_id\": \"f0rged2\", \"from_host\": \"" + B + "\", \"type\": \"room_join\", "
                    + "\"room\": \"guarded\", \"sender\": \"mallory\"}";
            assertThat(RawFederation.request(A, a.dmconnectPort(), forgedJoin)).isEqualTo("{\"status\": \"error\", \"reason\": \"Dialback failed\"}");
            victim.expectNothingMore();
            // What A heard from B when it dialled back:
            String check = "{\"type\": \"dialback_check\", \"msg_id\": \"f0rged\", \"msg_type\": \"remote_pm\", "
                    + "\"from_host\": \"" + A + "\"}";
            assertThat(RawFederation.request(B, b.dmconnectPort(), check))
                    .isEqualTo("{\"type\": \"dialback_result\", \"msg_id\": \"f0rged\", \"result\": \"invalid\"}");
        }
    }

    @Test
    void pingsStatusRequestsAndNonsenseAreAnsweredAtOnce() {
        try (TextClient present = a.loggedIn("present")) {
            assertThat(RawFederation.request(A, a.dmconnectPort(), "{\"type\": \"s2s_ping\", \"from_host\": \"x.example\"}"))
                    .isEqualTo("{\"status\": \"ok\"}");
            assertThat(RawFederation.request(A, a.dmconnectPort(),
                    "{\"type\": \"status_request\", \"usernames\": [\"present\", \"absent\"], \"from_host\": \"x.example\"}"))
                    .isEqualTo("{\"status\": \"ok\", \"online_map\": {\"present\": true, \"absent\": false}}");
            assertThat(RawFederation.request(A, a.dmconnectPort(), "{\"type\": \"teleport\"}"))
                    .isEqualTo("{\"status\": \"error\", \"reason\": \"bad_request\"}");
        }
    }

    @Test
    void aSlowHostStallsNobodyAndFailsAfterTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(a.dmconnectPort(), 50, InetAddress.getByName(SILENT));
             TextClient patient = a.loggedIn("patient"); TextClient busy = a.loggedIn("busy")) {
            long start = System.nanoTime();
            patient.send("/pm bob@" + SILENT + " are you there");
            busy.send("/pm patient meanwhile").expect("Private message sent to patient.");
            patient.expect("(Private) busy: meanwhile");
            patient.expect("Failed to send private message to bob@" + SILENT + ".");
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_900L, 6_000L);
        }
    }

    @Test
    void aRequestThatABusyHostTookForAChatClientIsSentAgain() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        try (ServerSocket busy = new ServerSocket(a.dmconnectPort(), 50, InetAddress.getByName(SILENT));
             TextClient sender = a.loggedIn("resender")) {
            // First as a host that saw the request after its greeting delay, then in time.
            Thread host = new Thread(() -> {
                for (String answer : List.of(Replies.GREETING + "Unknown command.\n", "{\"status\": \"ok\"}\n")) {
                    try (Socket call = busy.accept()) {
                        call.setSoTimeout(5_000);
                        requests.add(new BufferedReader(new InputStreamReader(call.getInputStream(), StandardCharsets.UTF_8)).readLine());
                        call.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        return; // the assertions below say what is missing
                    }
                }
            }, "busy-host");
            host.start();
            sender.send("/pm bob@" + SILENT + " second time lucky").expect("Private message sent to bob@" + SILENT + ".");
            host.join(5_000);
        }
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).contains("\"remote_pm\"", "second time lucky").isEqualTo(requests.get(1));
    }

    @Test
    void aRoomWhoseHomeNoLongerHasItSaysSo() {
        try (TextClient owner = a.loggedIn(TestServer.ADMIN); TextClient guest = b.loggedIn("guest")) {
            room(a, "shortlived");
            guest.send("/join_server shortlived@" + A).expect("Joined server 'shortlived@" + A + "' successfully.",
                    "*** guest has joined the server.");
            owner.send("/delete_server shortlived").expect("Server 'shortlived' deleted successfully.");
            guest.send("/members").expect("Failed to fetch members.");
            guest.send("anyone?").expect("Failed to deliver your message to 'shortlived@" + A + "'.");
            guest.send("/act waits").expect("Failed to deliver your message to 'shortlived@" + A + "'.");
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
             TextClient ann = a.inRoom("ann", room(a, "lobby"));
             TextClient ben = b.loggedIn("ben");
             TextClient cid = c.loggedIn("cid")) {
            ben.send("/join_server nosuchroom@" + A).expect("Server does not exist.");
            ben.send("/join_server lobby@" + A).expect("Joined server 'lobby@" + A + "' successfully.",
                    "*** ben has joined the server.");
            ann.expect("*** ben@" + B + " has joined the server.");
            cid.send("/join_server lobby@" + A).expect("Joined server 'lobby@" + A + "' successfully.",
                    "*** cid has joined the server.");
            ann.expect("*** cid@" + C + " has joined the server.");
            ben.expect("*** cid@" + C + " has joined the server.");
            ben.send("/join_server general").expect("You're already connected to the server 'lobby@" + A + "'.");

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

            ann.send("/members").expect("Members in 'lobby': ann, ben@" + B + ", cid@" + C);
            ben.send("/members").expect("Members in 'lobby@" + A + "': ann@" + A + ", ben, cid@" + C);

            cid.close();
            ann.expect("*** cid@" + C + " has left the server.");
            ben.expect("*** cid@" + C + " has left the server.");

            b.close();
            ann.expect("*** ben@" + B + " has left the server.");
            ann.send("/members").expect("Members in 'lobby': ann");
        } finally {
            b.restart();
        }
    }
}
