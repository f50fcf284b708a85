package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.confab.binary.Broadcast;
import org.confab.binary.ConnectionAccept;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.FriendlistSync;
import org.confab.binary.ListSync;
import org.confab.binary.RequestUserListsSync;
import org.confab.binary.SendUnicast;
import org.confab.binary.UnicastMessage;
import org.confab.binary.UserListsSync;
import org.confab.binary.VcomPacket;
import org.confab.server.testing.Await;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;
import org.confab.storage.ListKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 264 and 266: private messages between vCom and DMconnect users, online and offline; 263. */
class VcomMessagesTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SendUnicast text(String to, String text) {
        return new SendUnicast(to, 0, true, bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(UnicastMessage m) {
        assertThat(m.isText()).isTrue();
        return new String(m.data(), StandardCharsets.UTF_8);
    }

    private static long pending(String user) {
        long id = server.server().store().accounts().findByName(user).orElseThrow().id();
        return server.server().store().offlineMessages().countPending(id);
    }

    @Test
    void onlineVcomToVcomCarriesTheServerTimeAndReachesEveryDeviceButNotTheSender() {
        try (VcomClient from = server.vcom("u1from"); VcomClient fromPhone = server.vcom("u1from");
             VcomClient to = server.vcom("u1to"); VcomClient toPhone = server.vcom("u1to")) {
            long before = System.currentTimeMillis();
            from.send(new SendUnicast("U1TO", 42, true, bytes("héllo")));
            for (VcomClient c : List.of(to, toPhone)) {
                UnicastMessage m = c.expect(UnicastMessage.class);
                assertThat(m.sender()).isEqualTo("u1from");
                assertThat(text(m)).isEqualTo("héllo");
                assertThat(m.read()).isFalse();
                assertThat(m.sentAt()).isBetween(before, System.currentTimeMillis());
            }
            from.expectNothingMore();
            fromPhone.expectNothingMore();
        }
    }

    @Test
    void binaryDataArrivesAsSent() {
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', 0, 1, (byte) 0xff};
        try (VcomClient from = server.vcom("u2from"); VcomClient to = server.vcom("u2to")) {
            from.send(new SendUnicast("u2to", 0, false, image));
            UnicastMessage m = to.expect(UnicastMessage.class);
            assertThat(m.isText()).isFalse();
            assertThat(m.data()).containsExactly(image);
        }
    }

    @Test
    void vcomToDmconnectIsAPrivateLine() {
        try (VcomClient from = server.vcom("u3from"); TextClient to = server.loggedIn("u3to")) {
            from.send(text("u3to", "hi from vCom"));
            to.expect("(Private) u3from: hi from vCom");
            from.send(new SendUnicast("u3to", 0, false, new byte[] {1, 2, 3}));
            to.expect("(Private) u3from: [binary message, 3 bytes]");
            from.expectNothingMore();
        }
    }

    @Test
    void dmconnectToVcomIsA264() {
        try (TextClient from = server.loggedIn("u4from"); VcomClient to = server.vcom("u4to")) {
            from.send("/pm u4to hi from text").expect("Private message sent to u4to.");
            UnicastMessage m = to.expect(UnicastMessage.class);
            assertThat(m.sender()).isEqualTo("u4from");
            assertThat(text(m)).isEqualTo("hi from text");
        }
    }

    @Test
    void toYourselfOrToNobodyIsDroppedAndTheConnectionStays() {
        try (VcomClient me = server.vcom("u5self"); VcomClient other = server.vcom("u5self")) {
            me.send(text("u5self", "me"));
            me.send(text("nobody-here", "lost"));
            me.send(text("not a name", "lost"));
            me.send(text("someone@elsewhere.example", "lost"));
            me.expectNothingMore();
            other.expectNothingMore();
        }
    }

    @Test
    void offlineRecipientGetsItsMessagesOldestFirstOnTheNextVcomLogin() {
        server.vcom("u6to").close();
        server.awaitOffline("u6to");
        long before = System.currentTimeMillis();
        try (VcomClient from = server.vcom("u6from"); TextClient textFrom = server.loggedIn("u6text")) {
            from.send(text("u6to", "one"));
            from.send(new SendUnicast("u6to", 0, false, new byte[] {7}));
            from.expectNothingMore(); // handled in order: both are stored now
            textFrom.send("/pm u6to three").expect("Failed to send private message to u6to.");
            from.send(text("u6to", "three"));
            from.expectNothingMore();
        }
        long after = System.currentTimeMillis();
        assertThat(pending("u6to")).isEqualTo(3);
        try (VcomClient to = server.vcom()) {
            to.login("u6to", "pw-u6to");
            UnicastMessage one = to.expect(UnicastMessage.class);
            UnicastMessage two = to.expect(UnicastMessage.class);
            UnicastMessage three = to.expect(UnicastMessage.class);
            assertThat(text(one)).isEqualTo("one");
            assertThat(two.isText()).isFalse();
            assertThat(two.data()).containsExactly(7);
            assertThat(text(three)).isEqualTo("three");
            for (UnicastMessage m : List.of(one, two, three)) {
                assertThat(m.read()).isFalse();
                assertThat(m.sender()).isEqualTo("u6from");
                assertThat(m.sentAt()).isBetween(before, after);
            }
            assertThat(one.sentAt()).isLessThanOrEqualTo(two.sentAt());
            to.expectNothingMore();
        }
        Await.until(() -> pending("u6to") == 0, "stored messages marked delivered");
        try (VcomClient again = server.vcom("u6to")) {
            again.expectNothingMore(); // exactly once
        }
    }

    /**
     * The stored messages come before the answer to a packet sent with the login, as they do on
     * DMconnect: a client that syncs its lists at once must not see that answer overtake them.
     */
    @Test
    void storedMessagesComeBeforeTheAnswerToAPacketSentRightAfterTheLogin() {
        int kept = 40; // several pages of the mailbox
        server.vcom("u9to").close();
        server.awaitOffline("u9to");
        try (VcomClient from = server.vcom("u9from")) {
            for (int i = 0; i < kept; i++) {
                from.send(text("u9to", "kept " + i));
            }
            from.expectNothingMore();
        }
        assertThat(pending("u9to")).isEqualTo(kept);
        try (VcomClient to = server.vcom()) {
            to.sendTogether(new ConnectionRequest("u9to", -1, bytes("pw-u9to")),
                    new UserListsSync(ListSync.WANT_SERVER, ListSync.IN_SYNC));
            to.expect(ConnectionAccept.class);
            to.expect(RequestUserListsSync.class);
            List<String> before = new ArrayList<>();
            while (true) {
                VcomPacket p = to.read();
                if (p instanceof FriendlistSync) {
                    break;
                }
                before.add(text((UnicastMessage) p));
            }
            assertThat(before).isEqualTo(IntStream.range(0, kept).mapToObj(i -> "kept " + i).toList());
            to.expectNothingMore();
        }
    }

    @Test
    void offlineDmconnectUserGetsTheLinesRightAfterLogin() {
        server.loggedIn("u7to").close();
        server.awaitOffline("u7to");
        try (VcomClient from = server.vcom("u7from")) {
            from.send(text("u7to", "while you were out"));
            from.send(new SendUnicast("u7to", 0, false, new byte[10]));
            from.expectNothingMore();
        }
        try (TextClient to = server.connect()) {
            to.expectGreeting();
            to.login("u7to", "pw-u7to");
            to.expect("(Private) u7from: while you were out", "(Private) u7from: [binary message, 10 bytes]");
            to.expectNothingMore();
        }
        Await.until(() -> pending("u7to") == 0, "stored messages marked delivered");
        try (TextClient to = server.connect()) {
            to.expectGreeting();
            to.login("u7to", "pw-u7to");
            to.expectNothingMore();
        }
    }

    @Test
    void blockedSendersAreFilteredOnlineAndOffline() {
        try (VcomClient blocker = server.vcom("u8blocker"); VcomClient pest = server.vcom("u8pest");
             TextClient textPest = server.loggedIn("u8textpest")) {
            var account = server.server().community().sessions().of("u8blocker").get(0).account();
            server.server().community().contacts().replace(account, ListKind.BLOCKED, List.of("U8Pest", "u8textpest")).join();
            pest.send(text("u8blocker", "psst"));
            pest.expectNothingMore();
            textPest.send("/pm u8blocker psst").expect("Private message sent to u8blocker.");
            blocker.expectNothingMore();
        }
        server.awaitOffline("u8blocker");
        try (VcomClient pest = server.vcom("u8pest")) {
            pest.send(text("u8blocker", "stored?"));
            pest.expectNothingMore();
        }
        assertThat(pending("u8blocker")).isZero();
    }

    @Test
    void broadcastReachesEveryProtocol() {
        try (VcomClient v = server.vcom("u9vcom"); TextClient t = server.loggedIn("u9text")) {
            assertThat(server.server().community().broadcast("Maintenance at noon")).isGreaterThanOrEqualTo(2);
            Broadcast b = v.expect(Broadcast.class);
            assertThat(new String(b.message(), StandardCharsets.UTF_8)).isEqualTo("Maintenance at noon");
            t.expect("*** Broadcast: Maintenance at noon");
        }
    }
}
