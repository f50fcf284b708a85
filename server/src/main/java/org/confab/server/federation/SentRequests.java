package org.confab.server.federation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.confab.text.federation.FederationRequest;

/**
 * The requests this server has sent and not yet seen answered, by {@code (msg_id, type)}: a
 * dialback is answered {@code ok} for these and nothing else, so a request forged in this
 * server's name is refused by its receiver.
 *
 * <p>A multiset, because a {@code msg_id} need not be unique (DMCD derives it from sender, target,
 * type and the second): two requests with one id are two entries, and answering one leaves the
 * other. Each entry also expires, in case an answer is never seen; the receiver always dials back
 * before it answers, so an entry is never needed after its request completed.
 */
final class SentRequests {

    private record Key(String msgId, String type) {
    }

    private final Map<Key, Deque<Long>> deadlines = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier clock;

    SentRequests(long ttlNanos, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.clock = clock;
    }

    void add(FederationRequest request) {
        long deadline = clock.getAsLong() + ttlNanos;
        deadlines.compute(key(request), (k, q) -> {
            Deque<Long> entries = q == null ? new ArrayDeque<>(1) : q;
            entries.addLast(deadline);
            return entries;
        });
    }

    /** The request was answered or failed: one entry of its key goes. */
    void remove(FederationRequest request) {
        deadlines.computeIfPresent(key(request), (k, q) -> {
            q.pollFirst();
            return q.isEmpty() ? null : q;
        });
    }

    boolean contains(String msgId, String type) {
        long now = clock.getAsLong();
        return deadlines.computeIfPresent(new Key(msgId, type), (k, q) -> {
            q.removeIf(deadline -> deadline - now < 0);
            return q.isEmpty() ? null : q;
        }) != null;
    }

    /** Forgets expired entries; run now and then so that lost answers do not pile up. */
    void purge() {
        deadlines.keySet().forEach(k -> contains(k.msgId(), k.type()));
    }

    private static Key key(FederationRequest request) {
        return new Key(request.msgId(), request.type());
    }
}
