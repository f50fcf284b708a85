package org.confab.server.capability.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the presence notices remember: who is online now, not everyone who ever was. */
class PresenceNoticesTest {

    private TestServer server;
    private PresenceNotices notices;

    /**
     * The server's own notices, with one of the test's own in their place, to count what it
     * keeps. Nobody here follows a user of another host, so it has no hosts to tell.
     */
    @BeforeEach
    void start() {
        server = TestServer.start();
        notices = new PresenceNotices(server.server().community(), null);
        server.server().community().presence(notices);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void accountsThatLoggedInAndOutAreNotKept() {
        for (int i = 0; i < 5; i++) {
            server.loggedIn("visitor" + i).close();
        }
        try (TextClient watcher = server.loggedIn("watcher")) {
            watcher.send("/status-sub-add visitor4").expect("Subscribed to visitor4.");
            TextClient visitor = server.connect();
            visitor.expectGreeting();
            visitor.login("visitor4", "pw-visitor4");
            watcher.expect("visitor4 is online.");
            visitor.close();
            // Announced one at a time: every earlier login and logout has been taken into account.
            watcher.expect("visitor4 is offline.");
            assertThat(notices.tracked()).isEqualTo(1); // the watcher
        }
    }

    @Test
    void aBanClosingSeveralSessionsIsOneOfflineNotice() {
        try (TextClient admin = server.loggedIn(TestServer.ADMIN); TextClient watcher = server.loggedIn("watcher");
             TextClient troll = server.loggedIn("troll"); TextClient trollAgain = server.connect()) {
            trollAgain.expectGreeting();
            trollAgain.login("troll", "pw-troll");
            watcher.send("/status-sub-add troll").expect("Subscribed to troll.");
            admin.send("/ban troll").expect("User 'troll' has been banned.");
            watcher.expect("troll is offline.");
            assertThat(troll.awaitClosed()).isTrue();
            assertThat(trollAgain.awaitClosed()).isTrue();
            server.awaitOffline("troll");
            watcher.expectNothingMore();
            assertThat(notices.tracked()).isEqualTo(2); // the admin and the watcher
        }
    }
}
