package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomRepositoryTest {

    private final Store store = Store.openInMemory();
    private final RoomRepository rooms = store.rooms();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void generalExistsWithIdOne() {
        assertThat(rooms.findByName("general")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(1));
        assertThat(rooms.list()).extracting(RoomRecord::name).containsExactly("general");
    }

    @Test
    void createKeepsTheCaseGivenAndRefusesTakenNames() {
        RoomRecord lobby = rooms.create("Lobby").orElseThrow();

        assertThat(lobby.name()).isEqualTo("Lobby");
        assertThat(lobby.id()).isGreaterThan(1);
        assertThat(rooms.create("LOBBY")).isEmpty();
        assertThat(rooms.create("General")).isEmpty();
    }

    @Test
    void findByNameIgnoresCase() {
        RoomRecord r = rooms.create("Chess").orElseThrow();

        assertThat(rooms.findByName("cHESS")).contains(r);
        assertThat(rooms.findByName("go")).isEmpty();
    }

    @Test
    void findById() {
        RoomRecord r = rooms.create("dev").orElseThrow();

        assertThat(rooms.findById(r.id())).contains(r);
        assertThat(rooms.findById(9999)).isEmpty();
    }

    @Test
    void listIsOrderedById() {
        rooms.create("zulu");
        rooms.create("alpha");

        assertThat(rooms.list()).extracting(RoomRecord::name).containsExactly("general", "zulu", "alpha");
    }

    @Test
    void deleteIgnoresCaseAndCascadesMemberships() {
        long alice = store.accounts().create("alice", "h").orElseThrow().id();
        int room = rooms.create("Temp").orElseThrow().id();
        store.memberships().add(room, alice);
        store.memberships().add(1, alice);

        assertThat(rooms.delete("TEMP")).isTrue();
        assertThat(rooms.delete("temp")).isFalse();
        assertThat(rooms.findById(room)).isEmpty();
        assertThat(store.memberships().roomsOf(alice)).containsExactly(1);
    }

    @Test
    void idsAreNeverReusedAfterDeletion() {
        int first = rooms.create("a").orElseThrow().id();
        rooms.delete("a");

        int second = rooms.create("a").orElseThrow().id();

        assertThat(second).isGreaterThan(first);
    }
}
