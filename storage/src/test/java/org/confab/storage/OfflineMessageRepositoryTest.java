package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OfflineMessageRepositoryTest {

    private final Store store = Store.openInMemory();
    private final OfflineMessageRepository messages = store.offlineMessages();
    private final long alice = store.accounts().create("alice", "h").orElseThrow().id();
    private final long bob = store.accounts().create("bob", "h").orElseThrow().id();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void storeKeepsEveryField() {
        byte[] data = {0, 1, 2, (byte) 0xff};
        long id = messages.store(alice, "carol@far.example", 7, 1_700_000_000_123L, false, data);

        assertThat(messages.pending(alice)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.recipientId()).isEqualTo(alice);
            assertThat(m.sender()).isEqualTo("carol@far.example");
            assertThat(m.groupId()).isEqualTo(7);
            assertThat(m.sentAtMillis()).isEqualTo(1_700_000_000_123L);
            assertThat(m.text()).isFalse();
            assertThat(m.data()).containsExactly(data);
        });
    }

    @Test
    void unicastMessagesHaveNoGroup() {
        messages.store(alice, "bob", null, 1, true, "hi".getBytes());

        assertThat(messages.pending(alice).get(0).groupId()).isNull();
    }

    @Test
    void storeTakesTheFullMessageDataLimit() {
        messages.store(alice, "bob", null, 1, false, new byte[65536]);

        assertThat(messages.pending(alice).get(0).data()).hasSize(65536);
    }

    @Test
    void storeForUnknownRecipientFails() {
        assertThatThrownBy(() -> messages.store(4242, "bob", null, 1, true, new byte[0]))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void pendingIsOldestFirstThenByArrival() {
        long late = messages.store(alice, "x", null, 300, true, new byte[] {3});
        long early = messages.store(alice, "x", null, 100, true, new byte[] {1});
        long tieFirst = messages.store(alice, "x", null, 200, true, new byte[] {2});
        long tieSecond = messages.store(alice, "y", null, 200, true, new byte[] {2});
        messages.store(bob, "x", null, 50, true, new byte[] {9});

        assertThat(messages.pending(alice)).extracting(StoredMessage::id)
                .containsExactly(early, tieFirst, tieSecond, late);
    }

    @Test
    void pendingAfterPagesInTheSameOrder() {
        long c = messages.store(alice, "x", null, 200, true, new byte[] {3});
        long a = messages.store(alice, "x", null, 100, true, new byte[] {1});
        long b = messages.store(alice, "x", null, 200, true, new byte[] {2});
        long d = messages.store(alice, "x", null, 300, true, new byte[] {4});
        messages.store(bob, "x", null, 150, true, new byte[] {9});

        List<StoredMessage> first = messages.pendingAfter(alice, null, 2);
        assertThat(first).extracting(StoredMessage::id).containsExactly(a, c);
        List<StoredMessage> second = messages.pendingAfter(alice, first.get(1), 2);
        assertThat(second).extracting(StoredMessage::id).containsExactly(b, d);
        assertThat(messages.pendingAfter(alice, second.get(1), 2)).isEmpty();
    }

    @Test
    void markDeliveredRemovesExactlyOnce() {
        long id = messages.store(alice, "bob", null, 1, true, new byte[] {1});

        assertThat(messages.markDelivered(id)).isTrue();
        assertThat(messages.markDelivered(id)).isFalse();
        assertThat(messages.pending(alice)).isEmpty();
    }

    @Test
    void racingDeliveriesOfOneMessageHaveOneWinner() throws Exception {
        long id = messages.store(alice, "bob", null, 1, true, new byte[] {1});
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = pool.invokeAll(java.util.Collections.nCopies(6, () -> messages.markDelivered(id)));
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countPendingIsPerRecipient() {
        messages.store(alice, "x", null, 1, true, new byte[0]);
        messages.store(alice, "x", 1, 2, true, new byte[0]);
        messages.store(bob, "x", null, 3, true, new byte[0]);

        assertThat(messages.countPending(alice)).isEqualTo(2);
        assertThat(messages.countPending(bob)).isEqualTo(1);
        assertThat(messages.countPending(12345)).isZero();
    }

    @Test
    void messagesOutliveTheirRoom() {
        int room = store.rooms().create("temp").orElseThrow().id();
        messages.store(alice, "bob", room, 1, true, new byte[] {1});

        store.rooms().delete("temp");

        assertThat(messages.pending(alice)).extracting(StoredMessage::groupId).containsExactly(room);
    }

    @Test
    void toStringShowsTheSizeNotTheContent() {
        messages.store(alice, "bob", null, 1, true, "secret text".getBytes());

        assertThat(messages.pending(alice).get(0).toString()).contains("11 bytes").doesNotContain("secret");
    }
}
