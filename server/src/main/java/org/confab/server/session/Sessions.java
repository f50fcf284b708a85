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
    // The vCom sessions again, by account id: a room's messages reach its members' vCom sessions
    // wherever they are (see Groups). DMconnect sessions, which hear only the room they are in,
    // are left out of it: at 19,000 sessions the entries would cost a megabyte.
    private final Map<Long, List<Session>> vcomByAccountId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public long nextId() {
        return ids.incrementAndGet();
    }

    /** Adds a session; returns true when it is the account's first, i.e. the account came online. */
    public boolean add(Session session) {
        byId.put(session.id(), session);
        if (session.protocol() == Protocol.VCOM) {
            vcomByAccountId.compute(session.account().id(), (id, list) -> with(list, session));
        }
        boolean[] first = new boolean[1];
        byAccount.compute(session.account().key(), (k, list) -> {
            first[0] = list == null;
            return with(list, session);
        });
        return first[0];
    }

    /** Removes a session; {@link Removal#LAST} when the account went offline with it. */
    public Removal remove(Session session) {
        if (byId.remove(session.id()) == null) {
            return Removal.ABSENT;
        }
        if (session.protocol() == Protocol.VCOM) {
            vcomByAccountId.computeIfPresent(session.account().id(), (id, list) -> without(list, session));
        }
        boolean[] last = new boolean[1];
        byAccount.computeIfPresent(session.account().key(), (k, list) -> {
            List<Session> shrunk = without(list, session);
            last[0] = shrunk == null;
            return shrunk;
        });
        return last[0] ? Removal.LAST : Removal.REMOVED;
    }

    /*
     * Each account's lists are immutable and replaced whole: readers need no lock, and the usual
     * single session costs a one-element list rather than a CopyOnWriteArrayList (40 bytes more).
     */
    private static List<Session> with(List<Session> list, Session session) {
        if (list == null) {
            return List.of(session);
        }
        List<Session> grown = new ArrayList<>(list);
        grown.add(session);
        return List.copyOf(grown);
    }

    /** Null for none left, which takes the account out of the map. */
    private static List<Session> without(List<Session> list, Session session) {
        List<Session> shrunk = new ArrayList<>(list);
        shrunk.remove(session);
        return shrunk.isEmpty() ? null : List.copyOf(shrunk);
    }

    public Optional<Session> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Session> of(String accountKey) {
        return byAccount.getOrDefault(accountKey, List.of());
    }

    /** The account's vCom sessions, by the account id the store lists a room's members with. */
    public List<Session> vcomOf(long accountId) {
        return vcomByAccountId.getOrDefault(accountId, List.of());
    }

    /** Whether any vCom session is online. */
    public boolean anyVcom() {
        return !vcomByAccountId.isEmpty();
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
