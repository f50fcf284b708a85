package org.confab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.confab.server.testing.Cli;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the server stopped (by confab stop), the same commands edit the database directly, and the
 * next start finds every change.
 */
class AdminCliStoppedServerTest {

    @Test
    void stopThenEditTheDatabaseDirectlyThenStartFindsEverything(@TempDir Path backups) {
        try (TestServer server = TestServer.start()) {
            server.cliWithInput("pw-early\n", "accounts", "create", "early").exits(0);
            try (TextClient connected = server.inRoom("connected", "general")) {
                assertThat(server.cli("stop").exits(0).out()).isEqualTo("Confab stopped.\n");
                connected.expect("Server is shutting down.");
                assertThat(connected.awaitClosed()).isTrue();
            }
            // What lets `confab start` return, and its process end.
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> server.server().awaitClosed());
            assertThat(server.cli("stop").exits(0).out()).startsWith("Confab is not running");

            Cli.Result created = server.cliWithInput("pw-offline\n", "accounts", "create", "offline").exits(0);
            assertThat(created.err()).isEqualTo("server not running: editing the database directly in "
                    + server.dataDir().toAbsolutePath() + "\n");
            assertThat(server.cli("accounts", "list", "--json").exits(0).json().get("mode").asText()).isEqualTo("direct");
            server.cliWithInput("pw-banned\n", "accounts", "create", "offbanned").exits(0);
            server.cliWithInput("pw-doomed\n", "accounts", "create", "offdoomed").exits(0);
            server.cliWithInput("pw-early-2\n", "accounts", "reset-password", "early").exits(0);
            server.cli("accounts", "delete", "offdoomed").exits(0);
            assertThat(server.cli("accounts", "show", "connected").exits(0).out()).contains("Last seen: 20");

            server.cli("whitelist", "add", "user", "offline").exits(0);
            server.cli("whitelist", "add", "user", "early").exits(0);
            server.cli("whitelist", "add", "ip", "2001:db8::/48").exits(0);
            server.cli("whitelist", "remove", "ip", "2001:db8:0::/48").exits(0);
            assertThat(server.cli("whitelist", "mode", "on").exits(0).out()).startsWith("Whitelist mode is on");
            server.cli("blacklist", "add", "ip", "198.51.100.0/24").exits(0);
            assertThat(server.cli("blacklist", "list").exits(0).out()).contains("198.51.100.0/24");
            server.cli("whitelist", "add", "user", "offbanned").exits(0);
            server.cli("bans", "add", "offbanned", "--reason", "offline ban").exits(0);
            assertThat(server.cli("bans", "list").exits(0).out()).contains("offbanned", "offline ban");
            server.cli("bans", "add", "early").exits(0);
            server.cli("bans", "remove", "early").exits(0);
            assertThat(server.cli("whitelist", "list").exits(0).out()).contains("offline", "early", "offbanned");
            assertThat(server.cli("rooms", "create", "offroom").exits(0).out()).startsWith("Created room offroom (group id ");
            assertThat(server.cli("rooms", "list").exits(0).out()).contains("offroom");
            server.cli("rooms", "create", "offgone").exits(0);
            server.cli("rooms", "delete", "offgone").exits(0);
            assertThat(server.cli("sessions", "list").exits(0).out()).isEqualTo("Nobody is connected.\n");
            assertThat(server.cli("status").exits(0).out()).contains("stopped", "Whitelist mode: on");
            server.cli("backup", backups.resolve("offline.zip").toString()).exits(0);

            assertThat(server.cli("sessions", "kick", "1").exits(1).err())
                    .contains("The server is not running, and sessions.kick acts on a running server.");
            assertThat(server.cli("broadcast", "anyone?").exits(1).err()).contains("not running");
            assertThat(server.cli("blacklist", "add", "ip", "300.1.1.1").exits(2).err()).contains("bad IP address or range");
            assertThat(server.cli("accounts", "show", "ghost").exits(1).err()).contains("No account named 'ghost'.");
            assertThat(server.cli("rooms", "delete", "ghost-room").exits(1).err()).contains("No room named 'ghost-room'.");

            server.restart();

            try (TextClient c = server.connect()) {
                c.expectGreeting();
                c.login("offline", "pw-offline");
                c.send("/list_servers").expect("Servers: general, offroom");
            }
            try (TextClient c = server.connect()) {
                c.expectGreeting();
                c.send("/login early pw-early").expect("Invalid username or password.").expectGreeting();
                c.login("early", "pw-early-2");
            }
            try (TextClient c = server.connect()) {
                c.expectGreeting();
                c.send("/login connected pw-connected").expect("Access denied: this server admits whitelisted users only.");
                c.expectGreeting();
                c.send("/login offbanned pw-banned").expect("This account is banned.");
                c.expectGreeting();
                c.send("/login offdoomed pw-doomed").expect("Access denied: this server admits whitelisted users only.");
            }
            Cli.Result live = server.cli("blacklist", "list").exits(0);
            assertThat(live.err()).startsWith("via running server at 127.0.0.1:");
            assertThat(live.out()).contains("198.51.100.0/24");
        }
    }
}
