package org.confab.server.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Who is online: every logged-in session, by account. */
public final class Sessions {

    /** What removing a session did: nothing, or took it out, possibly as the account's last. */
    public enum Removal { ABSENT, REMOVED, LAST }

    private final Map<String, List<Session>> byAccount = new ConcurrentHashMap<>();
    private final Map<Long, Session> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public long nextId() {
        return ids.incrementAndGet();
    }

    /** Adds a session; returns true when it is the account's first, i.e. the account came online. */
    public boolean add(Session session) {
        byId.put(session.id(), session);
        boolean[] first = new boolean[1];
        // Each account's list is immutable and replaced whole: readers need no lock, and the usual
        // single session costs a one-element list rather than a CopyOnWriteArrayList (40 bytes more).
        byAccount.compute(session.account().key(), (k, list) -> {
            first[0] = list == null;
            if (list == null) {
                return List.of(session);
            }
            List<Session> grown = new ArrayList<>(list);
            grown.add(session);
            return List.copyOf(grown);
        });
        return first[0];
    }

    /** Removes a session; {@link Removal#LAST} when the account went offline with it. */
    public Removal remove(Session session) {
        if (byId.remove(session.id()) == null) {
            return Removal.ABSENT;
        }
        boolean[] last = new boolean[1];
        byAccount.computeIfPresent(session.account().key(), (k, list) -> {
            List<Session> shrunk = new ArrayList<>(list);
            shrunk.remove(session);
            last[0] = shrunk.isEmpty();
            return shrunk.isEmpty() ? null : List.copyOf(shrunk);
        });
        return last[0] ? Removal.LAST : Removal.REMOVED;
    }

    public Optional<Session> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Session> of(String accountKey) {
        return byAccount.getOrDefault(accountKey, List.of());
    }

    public boolean isOnline(String accountKey) {
        return byAccount.containsKey(accountKey);
    }

    public Collection<Session> all() {
        return byId.values();
    }

    public int count() {
        return byId.size();
    }
}
