package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.confab.binary.BlocklistSync;
import org.confab.binary.FriendlistSync;
import org.confab.binary.ListSync;
import org.confab.binary.RequestUserListsSync;
import org.confab.binary.SendUnicast;
import org.confab.binary.UserListsSync;
import org.confab.server.account.Account;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.VcomClient;
import org.confab.storage.ListKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 259-262: list timestamps after login, uploads and downloads, shared with DMconnect's lists. */
class VcomListSyncTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long accountId(String user) {
        return server.server().store().accounts().findByName(user).orElseThrow().id();
    }

    @Test
    void listsNeverStoredAreEmptyWithTimestampZero() {
        try (VcomClient c = server.vcom()) {
            assertThat(c.login("l1", "pw")).isEqualTo(new RequestUserListsSync(0, 0));
            c.send(new UserListsSync(ListSync.WANT_SERVER, ListSync.WANT_SERVER));
            c.expect(new FriendlistSync(List.of()));
            c.expect(new BlocklistSync(List.of()));
        }
    }

    @Test
    void anUploadedListIsStoredWithTheTimeOfUploadAndServedBack() {
        long before = System.currentTimeMillis();
        try (VcomClient c = server.vcom("l2")) {
            c.send(new UserListsSync(ListSync.clientNewer(List.of("Friend1", "friend2@other.example")),
                    ListSync.clientNewer(List.of("enemy"))));
            c.expectNothingMore();
        }
        long after = System.currentTimeMillis();
        try (VcomClient c = server.vcom()) {
            RequestUserListsSync stamps = c.login("l2", "pw-l2");
            assertThat(stamps.friendlistTs()).isBetween(before, after);
            assertThat(stamps.blocklistTs()).isBetween(before, after);
            c.send(new UserListsSync(ListSync.IN_SYNC, ListSync.WANT_SERVER));
            c.expect(new BlocklistSync(List.of("enemy")));
            c.send(new UserListsSync(ListSync.WANT_SERVER, ListSync.IN_SYNC));
            // Names are case-insensitive; the shared lists keep them in lower case.
            c.expect(new FriendlistSync(List.of("friend1", "friend2@other.example")));
            c.send(new UserListsSync(ListSync.IN_SYNC, ListSync.IN_SYNC));
            c.expectNothingMore();
        }
    }

    @Test
    void entriesThatAreNoUserIdAreLeftOut() {
        try (VcomClient c = server.vcom("l3")) {
            c.send(new UserListsSync(ListSync.clientNewer(List.of("ok", "", "not ok", "x".repeat(300), "a@", "fine@Host.example")),
                    ListSync.IN_SYNC));
            c.send(new UserListsSync(ListSync.WANT_SERVER, ListSync.IN_SYNC));
            c.expect(new FriendlistSync(List.of("ok", "fine@host.example")));
        }
    }

    @Test
    void changesMadeThroughTheSharedListsStampThemToo() {
        try (VcomClient c = server.vcom("l4")) {
            c.expectNothingMore();
        }
        var account = new Account(accountId("l4"), "l4");
        long before = System.currentTimeMillis();
        // What DMconnect's ignore and status capabilities do: the same Contacts lists.
        assertThat(server.server().community().contacts().add(account, ListKind.BLOCKED, "troll").join()).isTrue();
        assertThat(server.server().community().contacts().add(account, ListKind.FRIENDS, "pal").join()).isTrue();
        try (VcomClient c = server.vcom()) {
            RequestUserListsSync stamps = c.login("l4", "pw-l4");
            assertThat(stamps.friendlistTs()).isGreaterThanOrEqualTo(before);
            assertThat(stamps.blocklistTs()).isGreaterThanOrEqualTo(before);
            c.send(new UserListsSync(ListSync.WANT_SERVER, ListSync.WANT_SERVER));
            c.expect(new FriendlistSync(List.of("pal")));
            c.expect(new BlocklistSync(List.of("troll")));
        }
    }

    @Test
    void anUploadedBlocklistTakesEffectAtOnce() {
        try (VcomClient blocker = server.vcom("l5"); VcomClient pest = server.vcom("l5pest")) {
            blocker.send(new UserListsSync(ListSync.IN_SYNC, ListSync.clientNewer(List.of("L5PEST"))));
            blocker.expectNothingMore();
            pest.send(new SendUnicast("l5", 0, true, new byte[] {'x'}));
            pest.expectNothingMore();
            blocker.expectNothingMore();
        }
    }
}
