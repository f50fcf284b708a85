package org.confab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.confab.server.testing.Cli;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** confab admin whitelist / blacklist against a running server: entries, whitelist mode, effects on live sessions. */
class AdminAccessListsTest {

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
    void entriesOfEveryKindAreAddedListedAndRemoved() {
        assertThat(server.cli("whitelist", "add", "user", "Alice").exits(0).out())
                .isEqualTo("Added user alice to the whitelist.\n");
        assertThat(server.cli("whitelist", "add", "ip", "192.0.2.7").exits(0).out()).contains("IP 192.0.2.7");
        assertThat(server.cli("whitelist", "add", "ip", "10.1.2.3/8").exits(0).out()).contains("IP 10.0.0.0/8");
        assertThat(server.cli("whitelist", "add", "IP", "2001:DB8:0:0::/32").exits(0).out()).contains("IP 2001:db8::/32");
        assertThat(server.cli("whitelist", "add", "ip", "10.0.0.0/8").exits(0).out())
                .isEqualTo("Already on the whitelist: IP 10.0.0.0/8.\n");

        JsonNode listed = server.cli("whitelist", "list", "--json").exits(0).json();
        assertThat(listed.get("ok").asBoolean()).isTrue();
        assertThat(listed.get("mode").asText()).isEqualTo("server");
        List<String> entries = new ArrayList<>();
        listed.get("result").forEach(e -> entries.add(e.get("type").asText() + " " + e.get("value").asText()));
        assertThat(entries).containsExactly("user alice", "ip 192.0.2.7", "ip 10.0.0.0/8", "ip 2001:db8::/32");
        assertThat(server.cli("whitelist", "list").exits(0).out())
                .startsWith("TYPE  VALUE          ADDED\nuser  alice          20");

        server.cli("whitelist", "remove", "ip", "10.9.9.9/8").exits(0);
        server.cli("whitelist", "remove", "user", "ALICE").exits(0);
        server.cli("whitelist", "remove", "ip", "192.0.2.7").exits(0);
        server.cli("whitelist", "remove", "ip", "2001:db8::/32").exits(0);
        Cli.Result absent = server.cli("whitelist", "remove", "ip", "192.0.2.7").exits(1);
        assertThat(absent.err()).contains("confab: Not on the whitelist: IP 192.0.2.7.");
        assertThat(server.cli("whitelist", "list").exits(0).out()).isEqualTo("The whitelist is empty.\n");
        assertThat(server.cli("blacklist", "list").exits(0).out()).isEqualTo("The blacklist is empty.\n");
    }

    @Test
    void hostileValuesGetClearUsageErrors() {
        assertThat(server.cli("blacklist", "add", "ip", "10.0.0.0/33").exits(2).err())
                .contains("bad IP address or range '10.0.0.0/33'");
        assertThat(server.cli("blacklist", "add", "ip", "10.0.0.256").exits(2).err())
                .contains("bad IP address or range '10.0.0.256'");
        assertThat(server.cli("blacklist", "add", "ip", "chat.example.org").exits(2).err())
                .contains("bad IP address or range 'chat.example.org'");
        assertThat(server.cli("blacklist", "add", "user", "no spaces please").exits(2).err())
                .contains("invalid user name 'no spaces please'");
        assertThat(server.cli("blacklist", "add", "host", "x").exits(2).err())
                .contains("Invalid value for positional parameter at index 0 (TYPE)");
        assertThat(server.cli("blacklist", "add", "ip").exits(2).err()).contains("Missing required parameter: 'VALUE'");
        assertThat(server.cli("whitelist", "mode", "maybe").exits(2).err()).contains("on|off|status");
        Cli.Result json = server.cli("blacklist", "add", "ip", "1.2.3/24", "--json").exits(2);
        assertThat(json.json().get("ok").asBoolean()).isFalse();
        assertThat(json.json().get("error").asText()).isEqualTo("usage");
        assertThat(server.cli("blacklist", "list").exits(0).out()).isEqualTo("The blacklist is empty.\n");
    }

    @Test
    void blacklistingAUserDisconnectsTheirLiveSessionsAtOnce() {
        try (TextClient witness = server.inRoom("bl-witness", "general"); TextClient target = server.inRoom("bl-target", "general")) {
            witness.expect("*** bl-target has joined the server.");
            Cli.Result r = server.cli("blacklist", "add", "user", "bl-target").exits(0);
            assertThat(r.out()).isEqualTo("Added user bl-target to the blacklist.\nDisconnected 1 session.\n");
            assertThat(r.err()).isEqualTo("via running server at 127.0.0.1:" + server.server().port("admin") + "\n");
            target.expect("Access denied: this account is blacklisted on this server.");
            assertThat(target.awaitClosed()).isTrue();
            witness.expect("*** bl-target has left the server.");
            witness.expectNothingMore();
            try (TextClient again = server.connect()) {
                again.expectGreeting();
                again.send("/login bl-target pw-bl-target").expect("Access denied: this account is blacklisted on this server.");
            }
        } finally {
            server.cli("blacklist", "remove", "user", "bl-target").exits(0);
        }
    }

    @Test
    void blacklistingAnAddressRangeDisconnectsEveryoneFromIt() {
        try (TextClient one = server.loggedIn("ip-one"); TextClient two = server.inRoom("ip-two", "general")) {
            Cli.Result r = server.cli("blacklist", "add", "ip", "127.0.0.0/8", "--json").exits(0);
            // At least these two: sessions of earlier tests may still be closing.
            assertThat(r.json().get("result").get("disconnected").asInt()).isGreaterThanOrEqualTo(2);
            one.expect("Access denied: your address is blacklisted on this server.");
            two.expect("Access denied: your address is blacklisted on this server.");
            assertThat(one.awaitClosed()).isTrue();
            assertThat(two.awaitClosed()).isTrue();
            try (TextClient again = server.connect()) {
                again.expectGreeting();
                again.send("/login ip-one pw-ip-one").expect("Access denied: your address is blacklisted on this server.");
            }
        } finally {
            server.cli("blacklist", "remove", "ip", "127.0.0.1/8").exits(0);
        }
        try (TextClient back = server.connect()) {
            back.expectGreeting();
            back.login("ip-one", "pw-ip-one");
        }
    }

    @Test
    void whitelistModeAdmitsOnlyWhitelistedUsersFromThenOn() {
        server.loggedIn("wl-listed").close();
        try (TextClient unlisted = server.loggedIn("wl-unlisted")) {
            server.cli("whitelist", "add", "user", "wl-listed").exits(0);
            Cli.Result on = server.cli("whitelist", "mode", "on").exits(0);
            assertThat(on.out()).startsWith("Whitelist mode is on: only whitelisted users and addresses may connect.\n");
            unlisted.expect("Access denied: this server admits whitelisted users only.");
            assertThat(unlisted.awaitClosed()).isTrue();

            try (TextClient c = server.connect()) {
                c.expectGreeting();
                c.send("/login wl-unlisted pw-wl-unlisted").expect("Access denied: this server admits whitelisted users only.");
                c.expectGreeting();
                c.login("wl-listed", "pw-wl-listed");
            }
            JsonNode status = server.cli("whitelist", "mode", "status", "--json").exits(0).json();
            assertThat(status.get("result").get("on").asBoolean()).isTrue();
        } finally {
            server.cli("whitelist", "mode", "off").exits(0);
            server.cli("whitelist", "remove", "user", "wl-listed").exits(0);
        }
        assertThat(server.cli("whitelist", "mode", "status").exits(0).out())
                .isEqualTo("Whitelist mode is off: everyone not blacklisted may connect.\n");
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.login("wl-unlisted", "pw-wl-unlisted");
        }
    }
}
