package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserListRepositoryTest {

    private final Store store = Store.openInMemory();
    private final UserListRepository lists = store.userLists();
    private final long alice = store.accounts().create("alice", "h").orElseThrow().id();
    private final long bob = store.accounts().create("bob", "h").orElseThrow().id();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNeverStoredListIsEmptyWithTimestampZero() {
        assertThat(lists.get(alice, ListKind.FRIENDS)).isEqualTo(new UserList(List.of(), 0));
    }

    @Test
    void replaceKeepsOrderAndDropsLaterCaseInsensitiveDuplicates() {
        lists.replace(alice, ListKind.FRIENDS, List.of("Carol", "bob@far.example", "carol", "Dave", "BOB@FAR.example"), 100);

        assertThat(lists.get(alice, ListKind.FRIENDS))
                .isEqualTo(new UserList(List.of("Carol", "bob@far.example", "Dave"), 100));
    }

    @Test
    void replaceSwapsTheWholeListAndLeavesTheOtherKindAlone() {
        lists.replace(alice, ListKind.BLOCKED, List.of("spammer"), 5);
        lists.replace(alice, ListKind.FRIENDS, List.of("a", "b"), 10);

        lists.replace(alice, ListKind.FRIENDS, List.of("c"), 20);

        assertThat(lists.get(alice, ListKind.FRIENDS)).isEqualTo(new UserList(List.of("c"), 20));
        assertThat(lists.get(alice, ListKind.BLOCKED)).isEqualTo(new UserList(List.of("spammer"), 5));
    }

    @Test
    void replaceWithABadEntryChangesNothing() {
        lists.replace(alice, ListKind.FRIENDS, List.of("keep"), 10);

        assertThatThrownBy(() -> lists.replace(alice, ListKind.FRIENDS, List.of("new", "x".repeat(301)), 20))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(lists.get(alice, ListKind.FRIENDS)).isEqualTo(new UserList(List.of("keep"), 10));
    }

    @Test
    void replaceWithNothingStoresAnEmptyListWithItsTimestamp() {
        lists.replace(alice, ListKind.BLOCKED, List.of(), 42);

        assertThat(lists.get(alice, ListKind.BLOCKED)).isEqualTo(new UserList(List.of(), 42));
    }

    @Test
    void addAppendsAndStampsButNotForADuplicate() {
        assertThat(lists.add(alice, ListKind.FRIENDS, "Zoe", 10)).isTrue();
        assertThat(lists.add(alice, ListKind.FRIENDS, "amy", 11)).isTrue();
        assertThat(lists.add(alice, ListKind.FRIENDS, "ZOE", 12)).isFalse();

        assertThat(lists.get(alice, ListKind.FRIENDS)).isEqualTo(new UserList(List.of("Zoe", "amy"), 11));
    }

    @Test
    void addAfterReplaceGoesToTheEnd() {
        lists.replace(alice, ListKind.FRIENDS, List.of("b", "a"), 1);
        lists.add(alice, ListKind.FRIENDS, "c", 2);

        assertThat(lists.get(alice, ListKind.FRIENDS).entries()).containsExactly("b", "a", "c");
    }

    @Test
    void addRejectsOverlongEntries() {
        assertThat(lists.add(alice, ListKind.FRIENDS, "u".repeat(300), 1)).isTrue();
        assertThatThrownBy(() -> lists.add(alice, ListKind.FRIENDS, "u".repeat(301), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changesToAnUnknownAccountDoNothing() {
        assertThat(lists.add(999, ListKind.FRIENDS, "x", 1)).isFalse();
        lists.replace(999, ListKind.FRIENDS, List.of("x"), 1);

        assertThat(lists.get(999, ListKind.FRIENDS)).isEqualTo(UserList.NEVER_STORED);
    }

    @Test
    void removeIgnoresCaseAndStampsOnlyWhenSomethingWasRemoved() {
        lists.replace(alice, ListKind.BLOCKED, List.of("Eve", "mallory"), 10);

        assertThat(lists.remove(alice, ListKind.BLOCKED, "EVE", 20)).isTrue();
        assertThat(lists.remove(alice, ListKind.BLOCKED, "eve", 30)).isFalse();

        assertThat(lists.get(alice, ListKind.BLOCKED)).isEqualTo(new UserList(List.of("mallory"), 20));
    }

    @Test
    void clearEmptiesTheListAndStampsIt() {
        lists.replace(alice, ListKind.FRIENDS, List.of("a", "b"), 10);

        lists.clear(alice, ListKind.FRIENDS, 50);

        assertThat(lists.get(alice, ListKind.FRIENDS)).isEqualTo(new UserList(List.of(), 50));
    }

    @Test
    void containsIgnoresCaseAndKind() {
        lists.add(alice, ListKind.BLOCKED, "Eve@Host.example", 1);

        assertThat(lists.contains(alice, ListKind.BLOCKED, "eve@host.EXAMPLE")).isTrue();
        assertThat(lists.contains(alice, ListKind.FRIENDS, "eve@host.example")).isFalse();
        assertThat(lists.contains(bob, ListKind.BLOCKED, "eve@host.example")).isFalse();
    }

    @Test
    void accountsListingFindsEveryOwnerOfTheEntry() {
        long carol = store.accounts().create("carol", "h").orElseThrow().id();
        lists.add(carol, ListKind.FRIENDS, "Dave", 1);
        lists.add(alice, ListKind.FRIENDS, "dave", 1);
        lists.add(bob, ListKind.BLOCKED, "dave", 1);

        assertThat(lists.accountsListing(ListKind.FRIENDS, "DAVE")).containsExactly(alice, carol);
        assertThat(lists.accountsListing(ListKind.BLOCKED, "dave")).containsExactly(bob);
        assertThat(lists.accountsListing(ListKind.FRIENDS, "nobody")).isEmpty();
    }

    @Test
    void concurrentAddsToOneListAllLandWithoutDuplicates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String entry = "user" + (i % 100); // every entry is added twice
                long ts = i;
                results.add(pool.submit(() -> lists.add(alice, ListKind.FRIENDS, entry, ts)));
            }
            int added = 0;
            for (Future<Boolean> f : results) {
                added += f.get() ? 1 : 0;
            }
            assertThat(added).isEqualTo(100);
            assertThat(lists.get(alice, ListKind.FRIENDS).entries()).hasSize(100).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }
}
