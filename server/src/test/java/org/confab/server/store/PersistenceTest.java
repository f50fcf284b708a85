package org.confab.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;

/** A restart keeps every account, room and ban. */
class PersistenceTest {

    @Test
    void accountsRoomsAndBansSurviveARestart() {
        try (TestServer server = TestServer.start()) {
            try (TextClient admin = server.loggedIn(TestServer.ADMIN); TextClient c = server.loggedIn("keeper")) {
                TextClient doomed = server.loggedIn("doomedtobeban");
                c.send("/create_server kept").expect("Server 'kept' created successfully.");
                admin.send("/ban doomedtobeban").expect("User 'doomedtobeban' has been banned.");
                doomed.close();
            }
            server.restart();
            try (TextClient c = server.connect()) {
                c.expectGreeting();
                c.login("keeper", "pw-keeper");
                c.send("/list_servers").expect("Servers: general, kept");
                c.send("/join_server kept").expect("Joined server 'kept' successfully.", "*** keeper has joined the server.");
            }
            try (TextClient c = server.connect()) {
                c.expectGreeting();
                c.send("/login doomedtobeban pw-doomedtobeban").expect("This account is banned.");
                c.expectGreeting();
                c.send("/register keeper again").expect("Username already taken. Try another.");
            }
        }
    }
}
