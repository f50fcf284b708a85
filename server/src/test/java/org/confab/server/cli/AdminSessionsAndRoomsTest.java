package org.confab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.confab.server.testing.Await;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** confab admin sessions / broadcast / rooms / status / backup against a running server. */
class AdminSessionsAndRoomsTest {

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
    void sessionsAreListedWithAccountProtocolAddressRoomAndSince() {
        try (TextClient inRoom = server.inRoom("lister", "general"); TextClient lobby = server.loggedIn("lister2")) {
            JsonNode sessions = server.cli("sessions", "list", "--json").exits(0).json().get("result");
            JsonNode first = session(sessions, "lister");
            assertThat(first.get("protocol").asText()).isEqualTo("dmconnect");
            assertThat(first.get("address").asText()).isEqualTo("127.0.0.1:" + inRoom.socket().getLocalPort());
            assertThat(first.get("room").asText()).isEqualTo("general");
            assertThat(first.get("since").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(session(sessions, "lister2").get("room").isNull()).isTrue();
            assertThat(server.cli("sessions", "list").exits(0).out())
                    .startsWith("ID  ACCOUNT  PROTOCOL   ADDRESS")
                    .containsPattern("lister\\s+dmconnect\\s+127\\.0\\.0\\.1:\\d+\\s+general\\s+\\d{4}-");
        }
    }

    @Test
    void kickEndsOneSessionWithItsLineAndLeavesTheOthers() {
        try (TextClient kicked = server.inRoom("kickee", "general"); TextClient stays = server.connect()) {
            stays.expectGreeting();
            stays.login("kickee", "pw-kickee");
            long id = session(server.cli("sessions", "list", "--json").exits(0).json().get("result"), "kickee").get("id").asLong();
            assertThat(server.cli("sessions", "kick", Long.toString(id)).exits(0).out()).isEqualTo("Kicked session " + id + ".\n");
            kicked.expect("You have been disconnected by an administrator.");
            assertThat(kicked.awaitClosed()).isTrue();
            stays.send("/").expect("*Ping*");

            assertThat(server.cli("sessions", "kick", Long.toString(id)).exits(1).err()).contains("No session " + id);
            assertThat(server.cli("sessions", "kick", "--account", "kickee").exits(0).out()).startsWith("Kicked session ");
            stays.expect("You have been disconnected by an administrator.");
            assertThat(stays.awaitClosed()).isTrue();
        }
        assertThat(server.cli("sessions", "kick", "--account", "kickee").exits(1).err()).contains("No session of kickee is connected.");
        Await.until(() -> !server.cli("accounts", "show", "kickee", "--json").exits(0)
                .json().get("result").get("lastSeen").isNull(), "kickee's last seen recorded");
        assertThat(server.cli("sessions", "kick", "seven").exits(2).err()).contains("'seven' is not a long");
        assertThat(server.cli("sessions", "kick").exits(2).err()).contains("give either a session ID or --account NAME");
    }

    @Test
    void broadcastReachesEveryConnectedClient() {
        try (TextClient a = server.inRoom("hearer1", "general"); TextClient b = server.loggedIn("hearer2")) {
            assertThat(server.cli("broadcast", "Maintenance", "at", "noon", "--json").exits(0).json()
                    .get("result").get("sessions").asInt()).isGreaterThanOrEqualTo(2);
            a.expect("*** Broadcast: Maintenance at noon");
            b.expect("*** Broadcast: Maintenance at noon");
            assertThat(server.cli("broadcast", "two\nlines").exits(2).err()).contains("one line");
            a.expectNothingMore();
        }
    }

    @Test
    void roomsAreListedWithTheirGroupIdCreatedAndDeleted() {
        assertThat(server.cli("rooms", "create", "ops-room").exits(0).out()).matches("Created room ops-room \\(group id \\d+\\)\\.\n");
        try (TextClient inside = server.inRoom("roomie", "ops-room")) {
            JsonNode room = null;
            for (JsonNode r : server.cli("rooms", "list", "--json").exits(0).json().get("result")) {
                if (r.get("name").asText().equals("ops-room")) {
                    room = r;
                }
            }
            assertThat(room).isNotNull();
            assertThat(room.get("groupId").asInt()).isEqualTo(server.server().community().room("ops-room").orElseThrow().id());
            assertThat(room.get("members").asInt()).isEqualTo(1);
            assertThat(room.get("present").asInt()).isEqualTo(1);
            assertThat(server.cli("rooms", "list").exits(0).out()).startsWith("GROUP ID  NAME").contains("general", "ops-room");

            assertThat(server.cli("rooms", "create", "OPS-ROOM").exits(1).err()).contains("A room named 'OPS-ROOM' already exists.");
            assertThat(server.cli("rooms", "create", "no/slash").exits(2).err()).contains("invalid room name 'no/slash'");
            server.cli("rooms", "delete", "ops-room").exits(0);
            inside.expect("*** Server 'ops-room' has been deleted.");
        }
        assertThat(server.cli("rooms", "delete", "ops-room").exits(1).err()).contains("No room named 'ops-room'.");
        assertThat(server.cli("rooms", "delete", "general").exits(1).err()).contains("The default room 'general' cannot be deleted.");
    }

    @Test
    void statusAndAnOnlineBackup(@TempDir Path dir) {
        JsonNode status = server.cli("status", "--json").exits(0).json().get("result");
        assertThat(status.get("running").asBoolean()).isTrue();
        assertThat(status.get("ports").get("admin").asInt()).isEqualTo(server.server().port("admin"));
        assertThat(status.get("host").asText()).isEqualTo(TestServer.HOST);
        assertThat(status.get("schemaVersion").asInt()).isPositive().isEqualTo(server.server().store().schemaVersion());
        assertThat(server.cli("status").exits(0).out()).contains("running as " + TestServer.HOST, "Whitelist mode: off",
                "(schema version " + server.server().store().schemaVersion() + ")");

        Path backup = dir.resolve("confab-backup.zip");
        assertThat(server.cli("backup", backup.toString()).exits(0).out()).startsWith("Backed up the database to " + backup);
        assertThat(backup).isRegularFile();
        assertThat(backup.toFile().length()).isPositive();
        assertThat(server.cli("backup", backup.toString()).exits(1).err()).contains("already exists");
    }

    private static JsonNode session(JsonNode sessions, String account) {
        for (JsonNode s : sessions) {
            if (s.get("account").asText().equals(account)) {
                return s;
            }
        }
        throw new AssertionError(account + " not in " + sessions);
    }
}
