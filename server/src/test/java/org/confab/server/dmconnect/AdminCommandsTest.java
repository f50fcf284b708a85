package org.confab.server.dmconnect;

import static org.assertj.core.api.Assertions.assertThat;

import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /ban and /delete_server: administrator only, and a ban that really holds. */
class AdminCommandsTest {

    private static TestServer server;
    private static TextClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.loggedIn(TestServer.ADMIN);
    }

    @AfterAll
    static void stop() {
        admin.close();
        server.close();
    }

    @Test
    void adminCommandsAreUnknownToEveryoneElse() {
        try (TextClient c = server.loggedIn("mortal")) {
            c.send("/ban root").expect("Unknown command.");
            c.send("/ban").expect("Unknown command.");
            c.send("/delete_server general").expect("Unknown command.");
            c.send("/delete_server").expect("Unknown command.");
        }
    }

    @Test
    void usageForTheAdmin() {
        admin.send("/ban").expect("Usage: /ban <username>");
        admin.send("/delete_server").expect("Usage: /delete_server <server_name>");
    }

    @Test
    void banDisconnectsEverySessionAnnouncesTheLeaveAndRefusesLogin() {
        try (TextClient witness = server.loggedIn("witness"); TextClient bad1 = server.loggedIn("troll"); TextClient bad2 = server.connect()) {
            bad2.expectGreeting();
            bad2.login("troll", "pw-troll");
            witness.send("/create_server banroom").expect("Server 'banroom' created successfully.");
            witness.send("/join_server banroom").expect("Joined server 'banroom' successfully.", "*** witness has joined the server.");
            bad1.send("/join_server banroom").expect("Joined server 'banroom' successfully.", "*** troll has joined the server.");
            witness.expect("*** troll has joined the server.");

            admin.send("/ban troll").expect("User 'troll' has been banned.");
            bad1.expect("You have been banned from this server.");
            bad2.expect("You have been banned from this server.");
            assertThat(bad1.awaitClosed()).isTrue();
            assertThat(bad2.awaitClosed()).isTrue();
            witness.expect("*** troll has left the server.");

            try (TextClient again = server.connect()) {
                again.expectGreeting();
                again.send("/login troll pw-troll").expect("This account is banned.").expectGreeting();
                again.send("/login troll wrong").expect("Invalid username or password.").expectGreeting();
            }
            witness.send("/pm troll hello").expect("troll is banned.");
        }
    }

    @Test
    void banOfUnknownUserAndOfOneself() {
        admin.send("/ban nobody-at-all").expect("User does not exist.");
        admin.send("/ban " + TestServer.ADMIN).expect("You cannot ban yourself.");
    }

    @Test
    void deleteServer() {
        admin.send("/delete_server general").expect("You cannot delete the default server 'general'.");
        admin.send("/delete_server missing").expect("Server 'missing' does not exist.");
        try (TextClient inside = server.loggedIn("evacuee")) {
            inside.send("/create_server doomed").expect("Server 'doomed' created successfully.");
            inside.send("/join_server doomed").expect("Joined server 'doomed' successfully.", "*** evacuee has joined the server.");
            admin.send("/delete_server doomed").expect("Server 'doomed' deleted successfully.");
            inside.expect("*** Server 'doomed' has been deleted.");
            inside.send("still here?").expect("Please log in and join a server first.");
            inside.send("/join_server general").expect("Joined server 'general' successfully.", "*** evacuee has joined the server.");
            inside.send("/list_servers");
            assertThat(inside.readLine()).startsWith("Servers: ").doesNotContain("doomed");
        }
    }
}
