package org.confab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.confab.server.testing.Await;
import org.confab.server.testing.Cli;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** confab admin accounts / bans against a running server. */
class AdminAccountsAndBansTest {

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
    void accountsAreCreatedWithAPasswordFromStandardInputAndCanLogIn() {
        assertThat(server.cliWithInput("Tr0ub4dor&3\n", "accounts", "create", "Created1").exits(0).out())
                .isEqualTo("Created account Created1.\n");
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.login("created1", "Tr0ub4dor&3");
        }
        assertThat(server.cliWithInput("other\n", "accounts", "create", "CREATED1").exits(1).err())
                .contains("An account named 'CREATED1' already exists.");
        assertThat(server.cliWithInput("pw\n", "accounts", "create", "bad@name").exits(2).err())
                .contains("invalid account name 'bad@name'");
        assertThat(server.cli("accounts", "create", "nopassword").exits(2).err())
                .contains("no password on standard input");
        assertThat(server.cli("accounts", "create", "forced", "--insecure-password", "visible").exits(0).out())
                .isEqualTo("Created account forced.\n");
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.login("forced", "visible");
        }
    }

    @Test
    void resetPasswordReplacesTheOldOne() {
        server.loggedIn("resetme").close();
        server.cliWithInput("brand-new\n", "accounts", "reset-password", "resetme").exits(0);
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("/login resetme pw-resetme").expect("Invalid username or password.").expectGreeting();
            c.login("resetme", "brand-new");
        }
        assertThat(server.cliWithInput("x\n", "accounts", "reset-password", "ghost").exits(1).err())
                .contains("No account named 'ghost'.");
    }

    @Test
    void listAndShowTellCreationLastSeenSessionsAndRooms() {
        server.loggedIn("shown-gone").close();
        Await.until(() -> server.server().store().accounts()
                .findByName("shown-gone").orElseThrow().lastSeen() != null, "shown-gone's last seen recorded");
        try (TextClient online = server.inRoom("shown-here", "general")) {
            JsonNode accounts = server.cli("accounts", "list", "--json").exits(0).json().get("result");
            JsonNode here = find(accounts, "shown-here");
            assertThat(here.get("sessions").asInt()).isEqualTo(1);
            assertThat(here.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(find(accounts, "shown-gone").get("lastSeen").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(server.cli("accounts", "list").exits(0).out()).startsWith("NAME ").contains("shown-here");

            String shown = server.cli("accounts", "show", "shown-here").exits(0).out();
            assertThat(shown).contains("Account:   shown-here (id ", "Last seen: online now", "Banned:    no",
                    "Rooms:     general", "Devices (vCom):\n  none", "Sessions:\n  ID  ACCOUNT     PROTOCOL   ADDRESS");
            JsonNode gone = server.cli("accounts", "show", "shown-gone", "--json").exits(0).json().get("result");
            assertThat(gone.get("lastSeen").isNull()).isFalse();
            assertThat(gone.get("devices").isArray()).isTrue();
            assertThat(gone.get("sessions").size()).isZero();
        }
        assertThat(server.cli("accounts", "show", "nobody-here").exits(1).err()).contains("No account named 'nobody-here'.");
    }

    @Test
    void deletingAnAccountDisconnectsItsSessionsAtOnce() {
        try (TextClient doomed = server.inRoom("deleted1", "general"); TextClient witness = server.inRoom("del-witness", "general")) {
            doomed.expect("*** del-witness has joined the server.");
            assertThat(server.cli("accounts", "delete", "deleted1").exits(0).out())
                    .isEqualTo("Deleted account deleted1.\nDisconnected 1 session.\n");
            doomed.expect("You have been disconnected by an administrator.");
            assertThat(doomed.awaitClosed()).isTrue();
            witness.expect("*** deleted1 has left the server.");
        }
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("/login deleted1 pw-deleted1").expect("Invalid username or password.");
        }
        assertThat(server.cli("accounts", "delete", "deleted1").exits(1).err()).contains("No account named 'deleted1'.");
    }

    @Test
    void bansAreTheSameAsDmconnectBansAndDisconnectAtOnce() {
        try (TextClient banned = server.loggedIn("banned1")) {
            assertThat(server.cli("bans", "add", "banned1", "--reason", "spam").exits(0).out())
                    .isEqualTo("Banned banned1; their sessions are closed.\n");
            banned.expect("You have been banned from this server.");
            assertThat(banned.awaitClosed()).isTrue();
        }
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("/login banned1 pw-banned1").expect("This account is banned.");
        }
        JsonNode bans = server.cli("bans", "list", "--json").exits(0).json().get("result");
        JsonNode ban = find(bans, "banned1");
        assertThat(ban.get("reason").asText()).isEqualTo("spam");
        assertThat(ban.get("by").asText()).startsWith("admin:");
        assertThat(server.cli("bans", "list").exits(0).out()).contains("banned1").contains("spam");
        assertThat(server.cli("accounts", "show", "banned1").exits(0).out()).contains("Banned:    yes");

        assertThat(server.cli("bans", "add", "never-registered").exits(1).err()).contains("No account named 'never-registered'.");
        server.cli("bans", "remove", "banned1").exits(0);
        assertThat(server.cli("bans", "remove", "banned1").exits(1).err()).contains("Not banned: banned1.");
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.login("banned1", "pw-banned1");
        }
    }

    @Test
    void aDmconnectBanIsListedAndLiftedByTheCli() {
        try (TextClient admin = server.loggedIn(TestServer.ADMIN)) {
            server.loggedIn("dmbanned").close();
            admin.send("/ban dmbanned").expect("User 'dmbanned' has been banned.");
        }
        Cli.Result listed = server.cli("bans", "list").exits(0);
        assertThat(listed.out()).contains("dmbanned").contains(TestServer.ADMIN);
        server.cli("bans", "remove", "dmbanned").exits(0);
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.login("dmbanned", "pw-dmbanned");
        }
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + array);
    }
}
