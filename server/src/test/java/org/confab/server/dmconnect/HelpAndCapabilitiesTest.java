package org.confab.server.dmconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HelpAndCapabilitiesTest {

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
    void helpListsTheCommandsOnePerLine() {
        try (TextClient c = server.loggedIn("helpme")) {
            c.send("/help");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                lines.add(c.readLine());
            }
            assertThat(lines).first().isEqualTo("/login <username> <password> - Login with username and password.");
            assertThat(lines).last().isEqualTo("/help - Shows this message.");
            assertThat(lines).anyMatch(l -> l.startsWith("/pm <username> <message>"));
            c.expectNothingMore();
        }
    }

    @Test
    void unknownCommand() {
        try (TextClient c = server.loggedIn("unknowner")) {
            c.send("/frobnicate").expect("Unknown command.");
            c.send("/status-frobnicate someone").expect("Unknown command.");
            c.send("/nocapability-check someone").expect("Unknown command.");
        }
    }

    @Test
    void dmcdsFourCapabilitiesAndTheVcomGroups() {
        try (TextClient c = server.loggedIn("capper")) {
            c.send("/list_capabilities")
                    .expect("Capabilities: status, ignore, sessions, http_file_upload, vcom. Use /CAPABILITY_NAME for help.");
        }
    }
}
