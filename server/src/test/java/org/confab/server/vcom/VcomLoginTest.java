package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.confab.binary.ConnectionAccept;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.RequestUserListsSync;
import org.confab.binary.SendUnicast;
import org.confab.binary.UnicastMessage;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;
import org.confab.storage.AccessListKind;
import org.confab.storage.EntryType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection request (256): admission in the spec's order with its deny codes, accounts
 * shared with DMconnect both ways, throttling, device ids. Each test has its own server, because
 * several change the access lists for everyone on 127.0.0.1.
 */
class VcomLoginTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("login.max-failures", "3", "vcom.login-timeout-ms", "1500"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void list(AccessListKind kind, EntryType type, String value) {
        server.server().store().accessLists().add(kind, type, value);
    }

    private static ConnectionRequest request(String user, String password) {
        return new ConnectionRequest(user, -1, password.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unknownUserIsRegisteredAndCanThenLogInOverDmconnect() {
        try (VcomClient c = server.vcom()) {
            RequestUserListsSync lists = c.login("newbie", "s3cret");
            assertThat(lists).isEqualTo(new RequestUserListsSync(0, 0));
            assertThat(c.deviceId()).isPositive();
        }
        try (TextClient t = server.connect()) {
            t.expectGreeting();
            t.login("newbie", "s3cret");
        }
    }

    @Test
    void dmconnectAccountLogsInOverVcomWithItsPassword() {
        try (TextClient t = server.connect()) {
            t.expectGreeting();
            t.register("textual", "Pass word");
        }
        try (VcomClient c = server.vcom()) {
            c.login("TEXTUAL", "Pass word");
            c.expectNothingMore();
        }
        try (VcomClient c = server.vcom()) {
            c.send(request("textual", "wrong"));
            c.expectDenied(3);
        }
    }

    @Test
    void ipBlacklistComesFirst() {
        list(AccessListKind.BLACKLIST, EntryType.IP, "127.0.0.1");
        list(AccessListKind.BLACKLIST, EntryType.USER, "mallory");
        try (VcomClient c = server.vcom()) {
            c.send(request("mallory", "pw"));
            c.expectDenied(1);
        }
        try (VcomClient c = server.vcom()) {
            // Not even an invalid name or an empty password gets past the IP check.
            c.send(request("no such name!", ""));
            c.expectDenied(1);
        }
    }

    @Test
    void userBlacklistOnBothProtocols() {
        server.vcom("blacky").close();
        list(AccessListKind.BLACKLIST, EntryType.USER, "Blacky");
        try (VcomClient c = server.vcom()) {
            c.send(request("blacky", "pw-blacky"));
            c.expectDenied(0);
        }
        list(AccessListKind.BLACKLIST, EntryType.USER, "blacky3");
        try (VcomClient c = server.vcom()) {
            // An unknown blacklisted name is not registered: admission comes before registration.
            c.send(request("blacky3", "pw"));
            c.expectDenied(0);
        }
        assertThat(server.server().store().accounts().findByName("blacky3")).isEmpty();
        try (TextClient t = server.connect()) {
            t.expectGreeting();
            t.send("/login blacky pw-blacky").expect("Access denied: this account is blacklisted on this server.");
        }
    }

    @Test
    void whitelistModeAdmitsListedUsersOrAddressesOnly() {
        server.vcom("listed").close();
        server.vcom("unlisted").close();
        list(AccessListKind.WHITELIST, EntryType.USER, "listed");
        server.server().community().accounts().admission().whitelistMode(true);
        try (VcomClient c = server.vcom()) {
            c.send(request("unlisted", "pw-unlisted"));
            c.expectDenied(2);
        }
        try (VcomClient c = server.vcom("listed")) {
            c.expectNothingMore();
        }
        list(AccessListKind.WHITELIST, EntryType.IP, "127.0.0.0/8");
        try (VcomClient c = server.vcom("unlisted")) {
            c.expectNothingMore();
        }
    }

    @Test
    void wrongEmptyOrUnregisterablePasswordsGetCode3() {
        server.vcom("owner").close();
        try (VcomClient c = server.vcom()) {
            c.send(request("owner", "pw-wrong"));
            c.expectDenied(3);
        }
        try (VcomClient c = server.vcom()) {
            c.send(request("owner", ""));
            c.expectDenied(3);
        }
        try (VcomClient c = server.vcom()) {
            c.send(request("fresh", ""));
            c.expectDenied(3);
        }
        try (VcomClient c = server.vcom()) {
            c.send(request("bad name", "pw"));
            c.expectDenied(3);
        }
        assertThat(server.server().store().accounts().findByName("fresh")).isEmpty();
    }

    @Test
    void closedRegistrationRefusesUnknownUsers() {
        server.close();
        server = TestServer.start(Map.of("registration.open", "false"));
        try (VcomClient c = server.vcom()) {
            c.send(request("stranger", "pw"));
            c.expectDenied(3);
        }
    }

    @Test
    void bannedAccountIsBarredLikeABlacklistedUser() {
        server.vcom("banned").close();
        server.server().store().bans().ban("banned", "test", "root");
        try (VcomClient c = server.vcom()) {
            c.send(request("banned", "pw-banned"));
            c.expectDenied(0);
        }
    }

    @Test
    void failuresLockTheAccountOnEitherProtocolEvenWithTheRightPassword() {
        server.vcom("target").close();
        for (int i = 0; i < 2; i++) {
            try (VcomClient c = server.vcom()) {
                c.send(request("target", "guess" + i));
                c.expectDenied(3);
            }
        }
        try (TextClient t = server.connect()) {
            t.expectGreeting();
            t.send("/login target guess2").expect("Invalid username or password.");
        }
        try (VcomClient c = server.vcom()) {
            c.send(request("target", "pw-target"));
            c.expectDenied(3);
        }
    }

    @Test
    void failuresLockTheAddressForOtherAccountsToo() {
        server.vcom("innocent").close();
        for (int i = 0; i < 3; i++) {
            try (VcomClient c = server.vcom()) {
                c.send(request("victim" + i, "")); // an empty password never registers
                c.expectDenied(3);
            }
        }
        try (VcomClient c = server.vcom()) {
            c.send(request("innocent", "pw-innocent"));
            c.expectDenied(3);
        }
    }

    @Test
    void deviceIdsAreIssuedPerAccountAndEchoedWhenKnown() {
        int first;
        try (VcomClient c = server.vcom()) {
            c.login("devoted", "pw", -1);
            first = c.deviceId();
        }
        try (VcomClient c = server.vcom()) {
            c.login("devoted", "pw", first);
            assertThat(c.deviceId()).isEqualTo(first);
        }
        int second;
        try (VcomClient c = server.vcom()) {
            c.login("devoted", "pw", -1);
            second = c.deviceId();
            assertThat(second).isNotEqualTo(first);
        }
        try (VcomClient c = server.vcom()) {
            // Another account's device, or one never issued, counts as new.
            c.login("other", "pw", first);
            assertThat(c.deviceId()).isNotIn(first, second);
        }
        try (VcomClient c = server.vcom()) {
            c.login("devoted", "pw", 999_999);
            assertThat(c.deviceId()).isNotIn(first, second, 999_999);
        }
        long devoted = server.server().store().accounts().findByName("devoted").orElseThrow().id();
        assertThat(server.server().store().devices().list(devoted)).hasSize(3);
    }

    @Test
    void theFirstPacketMustBeAConnectionRequest() {
        try (VcomClient c = server.vcom()) {
            c.send(new SendUnicast("x", 0, true, new byte[0]));
            // Closed without 258.
            assertThat(c.awaitClosed()).isTrue();
        }
    }

    @Test
    void aMalformedConnectionRequestGetsCode4() {
        try (VcomClient c = server.vcom()) {
            // 256, then a user id length over the 4 KiB limit.
            c.sendRaw(new byte[] {0, 0, 1, 0, 0, 0, 0x20, 0});
            c.expectDenied(4);
        }
        try (VcomClient c = server.vcom()) {
            c.sendRaw(new byte[] {0, 0, 1, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe});
            c.expectDenied(4);
        }
    }

    @Test
    void silenceAfterConnectingIsClosedAfterTheTimeout() {
        try (VcomClient c = server.vcom()) {
            assertThat(c.awaitClosed()).isTrue();
        }
    }

    @Test
    void aSecondConnectionRequestIsAProtocolError() {
        try (VcomClient c = server.vcom("twice")) {
            c.send(request("twice", "pw-twice"));
            assertThat(c.awaitClosed()).isTrue();
        }
    }

    @Test
    void requestsSentBeforeTheAcceptAreHandledAfterIt() {
        try (VcomClient to = server.vcom("eager2"); VcomClient c = server.vcom()) {
            c.sendTogether(request("eager", "pw"), new SendUnicast("eager2", 0, true, "first".getBytes(StandardCharsets.UTF_8)));
            c.expect(ConnectionAccept.class);
            c.expect(RequestUserListsSync.class);
            assertThat(new String(to.expect(UnicastMessage.class).data(), StandardCharsets.UTF_8))
                    .isEqualTo("first");
        }
    }
}
