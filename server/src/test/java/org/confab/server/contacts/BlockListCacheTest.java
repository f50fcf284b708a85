package org.confab.server.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.confab.server.account.Account;
import org.confab.server.delivery.Participant;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.storage.ListKind;
import org.confab.storage.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cached block list of an online account must be there for as long as any of its sessions
 * is online, however logins, logouts and the database reads behind them interleave; the fan-out
 * treats "not cached" as "blocks nobody".
 */
class BlockListCacheTest {

    private static final Participant PEST = Participant.local("pest");

    /** Database work waits here until the test runs it, in the order the test chooses. */
    private final Queue<Runnable> pending = new ArrayDeque<>();
    private final Executor database = pending::add;
    private Store store;
    private Contacts contacts;
    private Account alice;

    @BeforeEach
    void open() {
        store = Store.openInMemory();
        contacts = new Contacts(store, database);
        alice = new Account(store.accounts().create("alice", "x").orElseThrow().id(), "alice");
        store.userLists().add(alice.id(), ListKind.BLOCKED, "pest", 1);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void runPending() {
        while (!pending.isEmpty()) {
            pending.remove().run();
        }
    }

    @Test
    void aLoginWhileTheLastOtherSessionLogsOutKeepsTheList() {
        CompletableFuture<Void> first = contacts.hold(alice);
        runPending();
        assertThat(first).isCompleted();
        assertThat(contacts.blocks(alice, PEST)).isTrue();

        CompletableFuture<Void> second = contacts.hold(alice); // a second login, its read not yet done
        contacts.release(alice); // the first session logs out meanwhile
        assertThat(contacts.blocks(alice, PEST)).isTrue();
        runPending();
        assertThat(second).isCompleted();
        assertThat(contacts.blocks(alice, PEST)).isTrue();

        contacts.release(alice);
        assertThat(contacts.blocks(alice, PEST)).isFalse();
    }

    @Test
    void aReadFinishingAfterTheAccountWentOfflineCachesNothing() {
        contacts.hold(alice);
        contacts.release(alice); // the session closed before its block list was read
        runPending();
        // Nobody holds alice now, so nothing may be cached for her: an entry here would outlive her.
        assertThat(contacts.blocks(alice, PEST)).isFalse();

        // Offline, she stops blocking pest; when she comes back that is what counts.
        contacts.remove(alice, ListKind.BLOCKED, "pest");
        runPending();
        contacts.hold(alice);
        assertThat(contacts.blocks(alice, PEST)).isFalse();
        runPending();
        assertThat(contacts.blocks(alice, PEST)).isFalse();
    }

    @Test
    void overRealSocketsTheListHoldsAcrossHandOvers() {
        int rounds = Integer.getInteger("confab.test.handOvers", 10);
        try (TestServer server = TestServer.start();
             TextClient pest = server.inRoom("pest", "general")) {
            TextClient current = server.inRoom("alice", "general");
            current.send("/ignore-add pest").expect("Ignoring pest.");
            for (int i = 0; i < rounds; i++) {
                TextClient next = server.connect();
                next.expectGreeting();
                next.send("/login alice pw-alice");
                current.close(); // the old session leaves while the new one logs in
                next.expect("Login successful.");
                next.readLine();
                next.expect("Select a server using /join_server <server_name>.");
                next.send("/join_server general").expect("Joined server 'general' successfully.");
                current = next;
                pest.send("round " + i);
                while (!pest.readLine().equals("pest: round " + i)) {
                    // alice's comings and goings may be announced first
                }
                assertThat(current.sync()).noneMatch(line -> line.startsWith("pest:"));
            }
            current.close();
        }
    }
}
