package org.confab.server.dmconnect;

import static org.assertj.core.api.Assertions.assertThat;

import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 001: subservers, members, public chat, actions, join and leave notices. */
class RoomsTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createServerReplies() {
        try (TextClient c = server.loggedIn("creator")) {
            c.send("/create_server").expect("Usage: /create_server <server_name>");
            c.send("/create_server lounge").expect("Server 'lounge' created successfully.");
            c.send("/create_server lounge").expect("Server already exists.");
            c.send("/create_server LOUNGE").expect("Server already exists.");
            c.send("/create_server two words").expect("Invalid server name: use 1-32 letters, digits, '_', '-' or '.'.");
            c.send("/list_servers");
            assertThat(c.readLine()).startsWith("Servers: general, ").contains("lounge");
        }
    }

    @Test
    void joinServerReplies() {
        try (TextClient c = server.loggedIn("joiner")) {
            c.send("/join_server").expect("Usage: /join_server <server_name>");
            c.send("/join_server nowhere").expect("Server does not exist.");
            c.send("/join_server general").expect("Joined server 'general' successfully.", "*** joiner has joined the server.");
            c.send("/join_server general").expect("You're already connected to the server 'general'.");
            c.send("/create_server elsewhere").expect("Server 'elsewhere' created successfully.");
            c.send("/join_server elsewhere").expect("You're already connected to the server 'general'.");
        }
    }

    @Test
    void joinWithOurOwnHostNameIsLocal() {
        try (TextClient c = server.loggedIn("selfhost")) {
            c.send("/join_server general@" + TestServer.HOST).expect("Joined server 'general' successfully.");
        }
    }

    @Test
    void commandsThatNeedARoom() {
        try (TextClient c = server.loggedIn("roomless")) {
            c.send("/members").expect("Please log in and join a server first.");
            c.send("/act waves").expect("Please log in and join a server first.");
            c.send("hello?").expect("Please log in and join a server first.");
        }
    }

    @Test
    void chatReachesEveryoneInTheRoomIncludingTheSender() {
        try (TextClient c1 = server.loggedIn("c1"); TextClient c2 = server.loggedIn("c2"); TextClient other = server.loggedIn("c3")) {
            c1.send("/create_server chatroom").expect("Server 'chatroom' created successfully.");
            c1.send("/join_server chatroom").expect("Joined server 'chatroom' successfully.", "*** c1 has joined the server.");
            c2.send("/join_server chatroom").expect("Joined server 'chatroom' successfully.", "*** c2 has joined the server.");
            c1.expect("*** c2 has joined the server.");
            other.send("/join_server general").expect("Joined server 'general' successfully.", "*** c3 has joined the server.");

            c1.send("hello room");
            c1.expect("c1: hello room");
            c2.expect("c1: hello room");
            other.expectNothingMore();
        }
    }

    @Test
    void membersListsWhoIsPresent() {
        try (TextClient m1 = server.loggedIn("m1"); TextClient m2 = server.loggedIn("m2")) {
            m1.send("/create_server memroom").expect("Server 'memroom' created successfully.");
            m1.send("/join_server memroom").expect("Joined server 'memroom' successfully.", "*** m1 has joined the server.");
            m2.send("/join_server memroom").expect("Joined server 'memroom' successfully.", "*** m2 has joined the server.");
            m1.expect("*** m2 has joined the server.");
            m2.send("/members").expect("Members in 'memroom': m1, m2");
        }
    }

    @Test
    void actsReachEveryoneAndReservedTextsAreRefused() {
        try (TextClient a1 = server.loggedIn("a1"); TextClient a2 = server.loggedIn("a2")) {
            a1.send("/create_server actroom").expect("Server 'actroom' created successfully.");
            a1.send("/join_server actroom").expect("Joined server 'actroom' successfully.", "*** a1 has joined the server.");
            a2.send("/join_server actroom").expect("Joined server 'actroom' successfully.", "*** a2 has joined the server.");
            a1.expect("*** a2 has joined the server.");

            a1.send("/act").expect("Usage: /act <act>");
            a1.send("/act is drinking coffee.").expect("*** a1 is drinking coffee.");
            a2.expect("*** a1 is drinking coffee.");
            a1.send("/act has joined the server.").expect("This action is not allowed.");
            a1.send("/act has left the server.").expect("This action is not allowed.");
            a2.expectNothingMore();
        }
    }

    @Test
    void leaveNoticeOnDisconnect() {
        try (TextClient stay = server.loggedIn("stayer")) {
            stay.send("/create_server leaveroom").expect("Server 'leaveroom' created successfully.");
            stay.send("/join_server leaveroom").expect("Joined server 'leaveroom' successfully.", "*** stayer has joined the server.");
            TextClient go = server.loggedIn("goer");
            go.send("/join_server leaveroom").expect("Joined server 'leaveroom' successfully.", "*** goer has joined the server.");
            stay.expect("*** goer has joined the server.");
            go.close();
            stay.expect("*** goer has left the server.");
        }
    }

    @Test
    void secondSessionOfAnAccountDoesNotAnnounceItselfAgain() {
        try (TextClient watcher = server.loggedIn("watcher"); TextClient first = server.loggedIn("twin")) {
            watcher.send("/create_server twinroom").expect("Server 'twinroom' created successfully.");
            watcher.send("/join_server twinroom").expect("Joined server 'twinroom' successfully.", "*** watcher has joined the server.");
            first.send("/join_server twinroom").expect("Joined server 'twinroom' successfully.", "*** twin has joined the server.");
            watcher.expect("*** twin has joined the server.");

            TextClient second = server.connect();
            second.expectGreeting();
            second.login("twin", "pw-twin");
            second.send("/join_server twinroom").expect("Joined server 'twinroom' successfully.");
            second.expectNothingMore();
            watcher.expectNothingMore();
            first.expectNothingMore();

            // Each session hears the room, both of them.
            watcher.send("hi twins").expect("watcher: hi twins");
            first.expect("watcher: hi twins");
            second.expect("watcher: hi twins");

            // The leave notice comes when the last session leaves.
            second.close();
            first.send("/members").expect("Members in 'twinroom': watcher, twin");
            watcher.expectNothingMore();
            first.close();
            watcher.expect("*** twin has left the server.");
        }
    }

    @Test
    void roomLinesGoOnlyToSessionsInThatRoom() {
        try (TextClient inA = server.loggedIn("splitter")) {
            inA.send("/create_server ra").expect("Server 'ra' created successfully.");
            inA.send("/create_server rb").expect("Server 'rb' created successfully.");
            inA.send("/join_server ra").expect("Joined server 'ra' successfully.", "*** splitter has joined the server.");
            TextClient inB = server.connect();
            inB.expectGreeting();
            inB.login("splitter", "pw-splitter");
            inB.send("/join_server rb").expect("Joined server 'rb' successfully.", "*** splitter has joined the server.");
            inA.send("only in a").expect("splitter: only in a");
            inB.expectNothingMore();
            inB.close();
        }
    }
}
