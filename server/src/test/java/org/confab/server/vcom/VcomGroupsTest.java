package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.confab.binary.MulticastMessage;
import org.confab.binary.SendMulticast;
import org.confab.server.testing.Await;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;
import org.confab.storage.ListKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 265 and 267: a room is a vCom group with the room's id; members are accounts that joined it
 * over DMconnect. Each test uses its own room, so that membership does not leak between tests.
 */
class VcomGroupsTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Creates the room and makes each user a member by joining it once over DMconnect. */
    private static int room(String name, String... members) {
        try (TextClient creator = server.loggedIn(name + "-creator")) {
            creator.send("/create_server " + name).expect("Server '" + name + "' created successfully.");
        }
        int id = server.server().community().room(name).orElseThrow().id();
        for (String member : members) {
            try (TextClient c = server.inRoom(member, name)) {
                c.expectNothingMore();
            }
            long account = server.server().store().accounts().findByName(member).orElseThrow().id();
            Await.until(() -> server.server().store().memberships().isMember(id, account), member + " a member of " + name);
        }
        return id;
    }

    private static TextClient rejoin(String user, String room) {
        TextClient c = server.connect();
        c.expectGreeting();
        c.login(user, "pw-" + user);
        c.send("/join_server " + room).expect("Joined server '" + room + "' successfully.", "*** " + user + " has joined the server.");
        return c;
    }

    private static SendMulticast text(int group, String text) {
        return new SendMulticast(group, 0, true, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(MulticastMessage m) {
        return new String(m.data(), StandardCharsets.UTF_8);
    }

    private static long pending(String user) {
        long id = server.server().store().accounts().findByName(user).orElseThrow().id();
        return server.server().store().offlineMessages().countPending(id);
    }

    @Test
    void aMembersGroupMessageReachesTheRoomAndTheOtherMembersVcomSessions() {
        int group = room("g1", "g1alice", "g1bob", "g1carol");
        try (VcomClient alice = server.vcom("g1alice"); VcomClient alicePhone = server.vcom("g1alice");
             VcomClient bob = server.vcom("g1bob"); TextClient carol = rejoin("g1carol", "g1");
             TextClient aliceText = rejoin("g1alice", "g1")) {
            carol.expect("*** g1alice has joined the server.");
            long before = System.currentTimeMillis();
            alice.send(text(group, "hello group"));
            MulticastMessage m = bob.expect(MulticastMessage.class);
            assertThat(m.sender()).isEqualTo("g1alice");
            assertThat(m.groupId()).isEqualTo(group);
            assertThat(text(m)).isEqualTo("hello group");
            assertThat(m.read()).isFalse();
            assertThat(m.sentAt()).isBetween(before, System.currentTimeMillis());
            carol.expect("g1alice: hello group");
            aliceText.expect("g1alice: hello group");
            alice.expectNothingMore();
            alicePhone.expectNothingMore();
        }
    }

    @Test
    void roomChatOverDmconnectReachesTheMembersVcomSessions() {
        int group = room("g2", "g2text", "g2vcom");
        try (VcomClient vcom = server.vcom("g2vcom"); VcomClient ownVcom = server.vcom("g2text");
             TextClient text = rejoin("g2text", "g2")) {
            text.send("from the room").expect("g2text: from the room");
            MulticastMessage m = vcom.expect(MulticastMessage.class);
            assertThat(m.sender()).isEqualTo("g2text");
            assertThat(m.groupId()).isEqualTo(group);
            assertThat(text(m)).isEqualTo("from the room");
            text.send("/act waves").expect("*** g2text waves");
            text.send("/members").expect("Members in 'g2': g2text");
            // Joins, leaves and acts have no vCom packet; the sender's own account gets no copy.
            vcom.expectNothingMore();
            ownVcom.expectNothingMore();
        }
    }

    @Test
    void binaryGroupDataIsAPlaceholderInTheRoom() {
        int group = room("g3", "g3vcom", "g3text");
        try (VcomClient vcom = server.vcom("g3vcom"); VcomClient other = server.vcom("g3text");
             TextClient text = rejoin("g3text", "g3")) {
            vcom.send(new SendMulticast(group, 0, false, new byte[] {1, 2, 3, 4}));
            text.expect("g3vcom: [binary message, 4 bytes]");
            MulticastMessage m = other.expect(MulticastMessage.class);
            assertThat(m.isText()).isFalse();
            assertThat(m.data()).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void nonMembersAndUnknownGroupsAreDroppedAndTheConnectionStays() {
        int group = room("g4", "g4member");
        try (VcomClient outsider = server.vcom("g4outsider"); VcomClient member = server.vcom("g4member");
             TextClient text = rejoin("g4member", "g4")) {
            outsider.send(text(group, "let me in"));
            outsider.send(text(987_654, "anyone?"));
            outsider.expectNothingMore();
            member.expectNothingMore();
            text.expectNothingMore();
        }
    }

    @Test
    void offlineMembersGetGroupMessagesOnTheirNextVcomConnectionOnly() {
        int group = room("g5", "g5sender", "g5away");
        try (VcomClient sender = server.vcom("g5sender"); TextClient inRoom = rejoin("g5sender", "g5")) {
            sender.send(text(group, "first"));
            sender.send(text(group, "second"));
            sender.expectNothingMore();
            // Chat said over DMconnect is live only: DMconnect keeps no room history.
            inRoom.expect("g5sender: first", "g5sender: second");
            inRoom.send("not kept").expect("g5sender: not kept");
        }
        Await.until(() -> pending("g5away") == 2, "both kept for the offline member");
        assertThat(pending("g5sender")).isZero();
        try (TextClient text = server.connect()) {
            // DMconnect keeps no room history: the group messages wait for vCom.
            text.expectGreeting();
            text.login("g5away", "pw-g5away");
            text.expectNothingMore();
        }
        try (VcomClient away = server.vcom()) {
            away.login("g5away", "pw-g5away");
            MulticastMessage first = away.expect(MulticastMessage.class);
            MulticastMessage second = away.expect(MulticastMessage.class);
            assertThat(List.of(text(first), text(second))).containsExactly("first", "second");
            assertThat(first.groupId()).isEqualTo(group);
            assertThat(first.read()).isFalse();
            assertThat(first.sentAt()).isLessThanOrEqualTo(second.sentAt());
            away.expectNothingMore();
        }
        Await.until(() -> pending("g5away") == 0, "delivered exactly once");
    }

    @Test
    void aMemberWhoseVcomSessionClosedHasTheNextMessagesKept() {
        int group = room("g9", "g9sender", "g9member");
        try (VcomClient sender = server.vcom("g9sender")) {
            try (VcomClient member = server.vcom("g9member")) {
                sender.send(text(group, "live"));
                assertThat(text(member.expect(MulticastMessage.class))).isEqualTo("live");
            }
            server.awaitOffline("g9member");
            sender.send(text(group, "kept"));
            sender.expectNothingMore();
            Await.until(() -> pending("g9member") == 1, "kept for the member gone offline");
        }
        try (VcomClient member = server.vcom()) {
            member.login("g9member", "pw-g9member");
            assertThat(text(member.expect(MulticastMessage.class))).isEqualTo("kept");
            member.expectNothingMore();
        }
    }

    @Test
    void membersWhoBlockTheSenderGetNothingOnlineOrOffline() {
        int group = room("g6", "g6pest", "g6online", "g6offline");
        for (String user : List.of("g6online", "g6offline")) {
            var account = server.server().store().accounts().findByName(user).orElseThrow();
            server.server().store().userLists().replace(account.id(), ListKind.BLOCKED, List.of("g6pest"), 1);
        }
        try (VcomClient online = server.vcom("g6online"); VcomClient pest = server.vcom("g6pest")) {
            pest.send(text(group, "buy now"));
            pest.expectNothingMore();
            online.expectNothingMore();
        }
        assertThat(pending("g6offline")).isZero();
    }

    @Test
    void groupIdsAreShownByTheVcomCapability() {
        int group = room("g7");
        try (TextClient c = server.loggedIn("g7asker")) {
            c.send("/list_capabilities").expect("Capabilities: status, ignore, sessions, http_file_upload, vcom. Use /CAPABILITY_NAME for help.");
            c.send("/vcom").expect("/vcom-groups - lists each room with its vCom group id");
            assertThat(c.send("/vcom-groups").readLine()).startsWith("vCom groups: general=1, ").contains("g7=" + group);
        }
    }
}
