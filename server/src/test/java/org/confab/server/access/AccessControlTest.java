package org.confab.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.storage.AccessListKind;
import org.confab.storage.EntryType;
import org.confab.storage.ListKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blacklists, whitelist mode, throttling, kicks and blocking, as a DMconnect client sees them. */
class AccessControlTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("login.max-failures", "3"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void list(AccessListKind kind, EntryType type, String value) {
        server.server().store().accessLists().add(kind, type, value);
    }

    @Test
    void blacklistedAddressCannotLogInOrRegister() {
        server.loggedIn("ipvictim").close();
        list(AccessListKind.BLACKLIST, EntryType.IP, "127.0.0.0/8");
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("/login ipvictim pw-ipvictim").expect("Access denied: your address is blacklisted on this server.").expectGreeting();
            c.send("/register newcomer pw").expect("Access denied: your address is blacklisted on this server.").expectGreeting();
        }
    }

    @Test
    void blacklistedUserCannotLogIn() {
        server.loggedIn("userbad").close();
        list(AccessListKind.BLACKLIST, EntryType.USER, "UserBad");
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("/login userbad pw-userbad").expect("Access denied: this account is blacklisted on this server.").expectGreeting();
        }
    }

    @Test
    void whitelistModeAdmitsListedUsersOrAddressesOnly() {
        server.loggedIn("listed").close();
        server.loggedIn("unlisted").close();
        list(AccessListKind.WHITELIST, EntryType.USER, "listed");
        server.server().community().accounts().admission().whitelistMode(true);
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("/login unlisted pw-unlisted").expect("Access denied: this server admits whitelisted users only.").expectGreeting();
            c.login("listed", "pw-listed");
        }
        list(AccessListKind.WHITELIST, EntryType.IP, "127.0.0.1");
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.login("unlisted", "pw-unlisted");
        }
    }

    @Test
    void enforcingTheListsClosesLiveSessionsWithTheReason() {
        try (TextClient stays = server.inRoom("stays", "general"); TextClient goes = server.inRoom("goes", "general")) {
            stays.expect("*** goes has joined the server.");
            list(AccessListKind.BLACKLIST, EntryType.USER, "goes");
            assertThat(server.server().community().enforceAccess().join()).isEqualTo(1);
            goes.expect("Access denied: this account is blacklisted on this server.");
            assertThat(goes.awaitClosed()).isTrue();
            stays.expect("*** goes has left the server.");
            stays.send("/members").expect("Members in 'general': stays");
        }
    }

    @Test
    void repeatedFailuresLockTheAccountEvenWithTheRightPassword() {
        server.loggedIn("guessed").close();
        try (TextClient attacker = server.connect()) {
            attacker.expectGreeting();
            for (int i = 0; i < 3; i++) {
                attacker.send("/login guessed wrong" + i).expect("Invalid username or password.").expectGreeting();
            }
            attacker.send("/login guessed pw-guessed").expect("Invalid username or password.").expectGreeting();
        }
    }

    @Test
    void kickClosesOneSessionAndLeavesTheOthers() {
        try (TextClient first = server.loggedIn("kicked"); TextClient second = server.connect()) {
            second.expectGreeting();
            second.login("kicked", "pw-kicked");
            // Sessions are listed in login order: the first one is `first`'s.
            long id = server.server().community().sessions().of("kicked").get(0).id();
            assertThat(server.server().community().kick(id)).isTrue();
            assertThat(server.server().community().kick(id)).isFalse();
            first.expect("You have been disconnected by an administrator.");
            assertThat(first.awaitClosed()).isTrue();
            second.send("/").expect("*Ping*");
            assertThat(server.server().community().sessions().of("kicked")).hasSize(1);
        }
    }

    @Test
    void blockedSendersAreFilteredFromPrivateMessagesAndRoomLines() {
        try (TextClient blocker = server.inRoom("blocker", "general"); TextClient pest = server.inRoom("pest", "general")) {
            blocker.expect("*** pest has joined the server.");
            var account = server.server().community().sessions().of("blocker").get(0).account();
            assertThat(server.server().community().contacts().add(account, ListKind.BLOCKED, "Pest").join()).isTrue();

            pest.send("/pm blocker hello?").expect("Private message sent to blocker.");
            pest.send("anyone?").expect("pest: anyone?");
            pest.send("/act waves").expect("*** pest waves");
            blocker.expectNothingMore();

            blocker.send("I can still talk").expect("blocker: I can still talk");
            pest.expect("blocker: I can still talk");
        }
    }

    @Test
    void accessChecksWorkOnIpv6AndRangesToo() throws Exception {
        Admission admission = server.server().community().accounts().admission();
        list(AccessListKind.BLACKLIST, EntryType.IP, "2001:db8::/32");
        assertThat(admission.check(InetAddress.getByName("2001:db8::1"), "x")).isEqualTo(Admission.Verdict.IP_BLACKLISTED);
        assertThat(admission.check(InetAddress.getByName("2001:db9::1"), "x")).isEqualTo(Admission.Verdict.ADMITTED);
    }
}
