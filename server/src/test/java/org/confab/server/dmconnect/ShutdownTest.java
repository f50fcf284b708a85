package org.confab.server.dmconnect;

import static org.assertj.core.api.Assertions.assertThat;

import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;

/** A graceful stop: every logged-in client hears why the connection ends, then it closes. */
class ShutdownTest {

    @Test
    void loggedInClientsAreToldBeforeTheConnectionCloses() {
        try (TestServer server = TestServer.start();
             TextClient inRoom = server.inRoom("leaving", "general");
             TextClient lobby = server.loggedIn("waiting");
             TextClient greeted = server.connect()) {
            greeted.expectGreeting();
            server.server().close();
            inRoom.expect("Server is shutting down.");
            lobby.expect("Server is shutting down.");
            assertThat(inRoom.awaitClosed()).isTrue();
            assertThat(lobby.awaitClosed()).isTrue();
            assertThat(greeted.awaitClosed()).isTrue();
        }
    }
}
