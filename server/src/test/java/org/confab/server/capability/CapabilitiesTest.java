package org.confab.server.capability;

import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** status, ignore and sessions on one host: every command, with DMCD's texts, and their effects. */
class CapabilitiesTest {

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
    void helpOfEachCapability() {
        try (TextClient c = server.loggedIn("helpcaps")) {
            c.send("/status").expect(
                    "/status-check <username> - Check if a user is online or offline",
                    "/status-sub-add <username> - Subscribe to status notifications",
                    "/status-sub-del <username> - Unsubscribe from status notifications",
                    "/status-sub-list - Show your subscription list",
                    "/status-sub-clear - Clear your subscription list");
            c.send("/ignore").expect(
                    "/ignore-add <username> - add to ignore list",
                    "/ignore-del <username> - remove from ignore list",
                    "/ignore-list - show ignore list",
                    "/ignore-clear - clear entire ignore list");
            c.send("/sessions").expect("/sessions-list - Show IP addresses of active sessions for your account");
            c.expectNothingMore();
        }
    }

    @Test
    void statusCheckAndSubscriptions() {
        try (TextClient watcher = server.loggedIn("watcher")) {
            server.loggedIn("watched").close();
            server.awaitOffline("watched");
            watcher.send("/status-check").expect("Usage: /status-check <username>");
            watcher.send("/status-check watched").expect("watched is offline.");
            watcher.send("/status-check watcher").expect("watcher is online.");
            watcher.send("/status-check bad@name@").expect("Invalid username.");

            watcher.send("/status-sub-add").expect("Usage: /status-sub-add <username>");
            watcher.send("/status-sub-add watcher").expect("You cannot subscribe to yourself.");
            watcher.send("/status-sub-add nosuchuser").expect("User does not exist.");
            watcher.send("/status-sub-list").expect("Subscriptions list is empty.");
            watcher.send("/status-sub-add watched").expect("Subscribed to watched.");
            watcher.send("/status-sub-add watched@" + TestServer.HOST).expect("Already subscribed to watched.");
            watcher.send("/status-sub-list").expect("Subscriptions list: watched");

            TextClient watched = server.connect();
            watched.expectGreeting();
            watched.login("watched", "pw-watched");
            watcher.expect("watched is online.");
            watcher.send("/status-check watched").expect("watched is online.");
            watched.close();
            watcher.expect("watched is offline.");

            watcher.send("/status-sub-del watched").expect("Unsubscribed from watched.");
            watcher.send("/status-sub-del watched").expect("Not subscribed to watched.");
            watcher.send("/status-sub-add watched").expect("Subscribed to watched.");
            watcher.send("/status-sub-clear").expect("Subscriptions cleared.");
            watcher.send("/status-sub-list").expect("Subscriptions list is empty.");
            watcher.expectNothingMore();
        }
    }

    @Test
    void ignoredUsersAreNotHeardInRoomsOrPrivately() {
        try (TextClient me = server.inRoom("quietseeker", "general"); TextClient pest = server.inRoom("pest", "general")) {
            me.expect("*** pest has joined the server.");
            me.send("/ignore-list").expect("Ignore list is empty.");
            me.send("/ignore-add").expect("Usage: /ignore-add <username>");
            me.send("/ignore-add quietseeker").expect("You cannot ignore yourself.");
            me.send("/ignore-add Pest").expect("Ignoring Pest.");
            me.send("/ignore-add someone@else.example").expect("Ignoring someone@else.example.");
            me.send("/ignore-list").expect("Ignore list: pest, someone@else.example");

            pest.send("can you hear me");
            pest.expect("pest: can you hear me");
            pest.send("/act shouts");
            pest.expect("*** pest shouts");
            pest.send("/pm quietseeker psst").expect("Private message sent to quietseeker.");
            me.expectNothingMore();

            me.send("/ignore-del nobody").expect("nobody is not in your ignore list.");
            me.send("/ignore-del pest").expect("Stopped ignoring pest.");
            pest.send("now?");
            me.expect("pest: now?");
            me.send("/ignore-clear").expect("Ignore list cleared.");
            me.send("/ignore-clear").expect("Ignore list is already empty.");
        }
    }

    @Test
    void sessionsListsTheAddressesOfTheAccount() {
        try (TextClient first = server.loggedIn("twosessions"); TextClient second = server.connect()) {
            second.expectGreeting();
            second.login("twosessions", "pw-twosessions");
            first.send("/sessions-list").expect("Active session IPs: 127.0.0.1 (this is you)");
            first.send("/sessions-frob").expect("Unknown command.");
        }
    }
}
