package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountRepositoryTest {

    private final Store store = Store.openInMemory();
    private final AccountRepository accounts = store.accounts();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createReturnsTheStoredAccount() {
        AccountRecord alice = accounts.create("Alice", "hash-a").orElseThrow();

        assertThat(alice.id()).isPositive();
        assertThat(alice.name()).isEqualTo("Alice");
        assertThat(alice.passwordHash()).isEqualTo("hash-a");
        assertThat(alice.lastSeen()).isNull();
        assertThat(accounts.findById(alice.id())).contains(alice);
    }

    @Test
    void createRefusesANameTakenInAnyCase() {
        accounts.create("Alice", "h1").orElseThrow();

        assertThat(accounts.create("alice", "h2")).isEmpty();
        assertThat(accounts.create("ALICE", "h3")).isEmpty();
        assertThat(accounts.count()).isEqualTo(1);
        assertThat(accounts.findByName("alice").orElseThrow().passwordHash()).isEqualTo("h1");
    }

    @Test
    void racingRegistrationsOfOneNameHaveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<AccountRecord>>> tasks = List.of(
                    () -> accounts.create("racer", "1"), () -> accounts.create("Racer", "2"),
                    () -> accounts.create("RACER", "3"), () -> accounts.create("rAcer", "4"),
                    () -> accounts.create("racer", "5"), () -> accounts.create("raceR", "6"),
                    () -> accounts.create("RAcer", "7"), () -> accounts.create("racER", "8"));
            long winners = 0;
            for (Future<Optional<AccountRecord>> f : pool.invokeAll(tasks)) {
                winners += f.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(accounts.count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createRejectsBlankAndOverlongNames() {
        assertThatThrownBy(() -> accounts.create(" ", "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.create("x".repeat(256), "h")).isInstanceOf(IllegalArgumentException.class);
        assertThat(accounts.create("x".repeat(255), "h")).isPresent();
    }

    @Test
    void findByNameIgnoresCaseAndKeepsTheRegisteredCase() {
        accounts.create("MixedCase", "h");

        assertThat(accounts.findByName("mixedcase").orElseThrow().name()).isEqualTo("MixedCase");
        assertThat(accounts.findByName("MIXEDCASE")).isPresent();
        assertThat(accounts.findByName("other")).isEmpty();
    }

    @Test
    void namesCompareWithoutTheDefaultLocale() {
        accounts.create("TITLE", "h");

        // In a Turkish locale "TITLE".toLowerCase() has a dotless i and would not match.
        assertThat(accounts.findByName("title")).isPresent();
    }

    @Test
    void findByIdOfUnknownIdIsEmpty() {
        assertThat(accounts.findById(12345)).isEmpty();
    }

    @Test
    void listIsInRegistrationOrder() {
        accounts.create("zed", "h");
        accounts.create("amy", "h");
        accounts.create("Bob", "h");

        assertThat(accounts.list()).extracting(AccountRecord::name).containsExactly("zed", "amy", "Bob");
    }

    @Test
    void deleteIgnoresCaseAndReportsWhetherItDeleted() {
        accounts.create("Carol", "h");

        assertThat(accounts.delete("CAROL")).isTrue();
        assertThat(accounts.delete("carol")).isFalse();
        assertThat(accounts.findByName("carol")).isEmpty();
        assertThat(accounts.create("carol", "h2")).isPresent();
    }

    @Test
    void deleteCascadesToEverythingTheAccountOwns() {
        long dave = accounts.create("dave", "h").orElseThrow().id();
        long erin = accounts.create("erin", "h").orElseThrow().id();
        for (long id : new long[] {dave, erin}) {
            store.devices().issue(id);
            store.memberships().add(1, id);
            store.userLists().add(id, ListKind.FRIENDS, "someone", 5);
            store.offlineMessages().store(id, "x", null, 1, true, new byte[] {1});
            store.uploads().insert(new UploadRecord("up-" + id, id, "f", "text/plain", 3, Instant.now()));
        }
        int daveDevice = store.devices().list(dave).get(0).id();

        assertThat(accounts.delete("dave")).isTrue();

        assertThat(store.devices().list(dave)).isEmpty();
        assertThat(store.devices().belongsTo(dave, daveDevice)).isFalse();
        assertThat(store.memberships().members(1)).containsExactly(erin);
        assertThat(store.userLists().get(dave, ListKind.FRIENDS)).isEqualTo(UserList.NEVER_STORED);
        assertThat(store.userLists().accountsListing(ListKind.FRIENDS, "someone")).containsExactly(erin);
        assertThat(store.offlineMessages().countPending(dave)).isZero();
        assertThat(store.uploads().find("up-" + dave)).isEmpty();
        // the other account keeps all of its rows
        assertThat(store.devices().list(erin)).hasSize(1);
        assertThat(store.offlineMessages().countPending(erin)).isEqualTo(1);
        assertThat(store.uploads().find("up-" + erin)).isPresent();
    }

    @Test
    void deleteLeavesBansInPlace() {
        accounts.create("mallory", "h");
        store.bans().ban("mallory", "spam", "admin");

        accounts.delete("mallory");

        assertThat(store.bans().isBanned("mallory")).isTrue();
    }

    @Test
    void updatePasswordHashIgnoresCaseAndReportsUnknownNames() {
        accounts.create("Frank", "old");

        assertThat(accounts.updatePasswordHash("frank", "new")).isTrue();
        assertThat(accounts.findByName("Frank").orElseThrow().passwordHash()).isEqualTo("new");
        assertThat(accounts.updatePasswordHash("nobody", "x")).isFalse();
    }

    @Test
    void touchLastSeenStoresTheInstant() {
        long id = accounts.create("gina", "h").orElseThrow().id();
        Instant at = Instant.parse("2024-05-06T07:08:09.123Z");

        accounts.touchLastSeen(id, at);

        assertThat(accounts.findById(id).orElseThrow().lastSeen()).isEqualTo(at);
    }

    @Test
    void touchLastSeenOfUnknownIdDoesNothing() {
        accounts.touchLastSeen(999, Instant.now());

        assertThat(accounts.count()).isZero();
    }

    @Test
    void countCountsAccounts() {
        assertThat(accounts.count()).isZero();
        accounts.create("a", "h");
        accounts.create("b", "h");
        assertThat(accounts.count()).isEqualTo(2);
    }

    @Test
    void toStringDoesNotShowThePasswordHash() {
        AccountRecord r = accounts.create("henry", "$argon2id$secret-hash").orElseThrow();

        assertThat(r.toString()).contains("henry").doesNotContain("secret-hash");
    }
}
