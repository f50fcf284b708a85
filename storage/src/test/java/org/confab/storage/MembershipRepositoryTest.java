package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MembershipRepositoryTest {

    private final Store store = Store.openInMemory();
    private final MembershipRepository memberships = store.memberships();
    private final long alice = store.accounts().create("alice", "h").orElseThrow().id();
    private final long bob = store.accounts().create("bob", "h").orElseThrow().id();
    private final int chess = store.rooms().create("chess").orElseThrow().id();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void addIsIdempotent() {
        assertThat(memberships.add(chess, alice)).isTrue();
        assertThat(memberships.add(chess, alice)).isFalse();
        assertThat(memberships.members(chess)).containsExactly(alice);
    }

    @Test
    void addToUnknownRoomFails() {
        assertThatThrownBy(() -> memberships.add(777, alice)).isInstanceOf(StorageException.class);
    }

    @Test
    void removeReportsWhetherTheAccountWasAMember() {
        memberships.add(chess, alice);

        assertThat(memberships.remove(chess, alice)).isTrue();
        assertThat(memberships.remove(chess, alice)).isFalse();
        assertThat(memberships.isMember(chess, alice)).isFalse();
    }

    @Test
    void isMemberIsPerRoomAndAccount() {
        memberships.add(chess, alice);

        assertThat(memberships.isMember(chess, alice)).isTrue();
        assertThat(memberships.isMember(chess, bob)).isFalse();
        assertThat(memberships.isMember(1, alice)).isFalse();
    }

    @Test
    void membersAreAscendingAccountIds() {
        memberships.add(chess, bob);
        memberships.add(chess, alice);
        memberships.add(1, bob);

        assertThat(memberships.members(chess)).containsExactly(alice, bob);
        assertThat(memberships.members(1)).containsExactly(bob);
    }

    @Test
    void roomsOfAreAscendingRoomIds() {
        memberships.add(chess, alice);
        memberships.add(1, alice);

        assertThat(memberships.roomsOf(alice)).containsExactly(1, chess);
        assertThat(memberships.roomsOf(bob)).isEmpty();
    }
}
