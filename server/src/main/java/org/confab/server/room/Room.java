package org.confab.server.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.confab.server.delivery.Participant;
import org.confab.server.session.Session;

/**
 * A room (a DMconnect "subserver", a vCom group): who is present now, and the sessions that hear
 * what is said in it. A participant is present while at least one of their sessions is, so join
 * and leave notices are sent once per participant, not per session.
 *
 * <p>Users of other hosts are present without local sessions, counted per join their host
 * reported. A room owned by another host ({@link #visiting}) holds only this server's sessions
 * in it; its members are known to its home host alone.
 */
public final class Room {

    private static final Session[] NONE = new Session[0];

    private final int id;
    private final String name;
    private final String home;
    private final String nameAtHome;
    private final Object lock = new Object();
    // Copied on write: joins are rare, fan-out reads it for every message without locking.
    private volatile Session[] sessions = NONE;
    private final Map<String, Presence> present = new LinkedHashMap<>();

    private record Presence(Participant participant, int sessions) {
    }

    public Room(int id, String name) {
        this(id, name, null, name);
    }

    private Room(int id, String name, String home, String nameAtHome) {
        this.id = id;
        this.name = name;
        this.home = home;
        this.nameAtHome = nameAtHome;
    }

    /** The local view of room {@code name} owned by host {@code home}; it is called {@code name@home} here. */
    public static Room visiting(String name, String home) {
        return new Room(0, name + "@" + home, home, name);
    }

    /** The host that owns this room, or null for a room of this server. */
    public String home() {
        return home;
    }

    public boolean isRemote() {
        return home != null;
    }

    /** The room's name as its home host knows it. */
    public String nameAtHome() {
        return nameAtHome;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Adds a local session; true when its participant was not present before. */
    public boolean enter(Session session, Participant participant) {
        synchronized (lock) {
            Session[] grown = Arrays.copyOf(sessions, sessions.length + 1);
            grown[sessions.length] = session;
            sessions = grown;
            return arrive(participant);
        }
    }

    /** Removes a local session; true when it was its participant's last one here. */
    public boolean exit(Session session, Participant participant) {
        synchronized (lock) {
            int index = Arrays.asList(sessions).indexOf(session);
            if (index < 0) {
                return false;
            }
            Session[] shrunk = new Session[sessions.length - 1];
            System.arraycopy(sessions, 0, shrunk, 0, index);
            System.arraycopy(sessions, index + 1, shrunk, index, shrunk.length - index);
            sessions = shrunk.length == 0 ? NONE : shrunk;
            return depart(participant);
        }
    }

    /** A user of another host joined; true when that user was not present before. */
    public boolean enterRemote(Participant participant) {
        synchronized (lock) {
            return arrive(participant);
        }
    }

    /** A user of another host left; true when that was their last join here. */
    public boolean exitRemote(Participant participant) {
        synchronized (lock) {
            return depart(participant);
        }
    }

    /** Removes every user of {@code host} at once (the host stopped answering) and returns them. */
    public List<Participant> dropHost(String host) {
        synchronized (lock) {
            List<Participant> dropped = new ArrayList<>();
            present.values().removeIf(p -> {
                boolean of = host.equalsIgnoreCase(p.participant().host());
                if (of) {
                    dropped.add(p.participant());
                }
                return of;
            });
            return dropped;
        }
    }

    /** Removes a user of another host however many joins were counted; true if present. */
    public boolean dropRemote(Participant participant) {
        synchronized (lock) {
            return present.remove(participant.key()) != null;
        }
    }

    /** The other hosts with users present, each named as it first joined. */
    public Set<String> remoteHosts() {
        synchronized (lock) {
            Map<String, String> hosts = new LinkedHashMap<>();
            present.values().forEach(p -> {
                String host = p.participant().host();
                if (host != null) {
                    hosts.putIfAbsent(host.toLowerCase(Locale.ROOT), host);
                }
            });
            return new LinkedHashSet<>(hosts.values());
        }
    }

    /** Removes every local session at once (the room is being deleted) and returns them. */
    public Session[] evacuate() {
        synchronized (lock) {
            Session[] all = sessions;
            sessions = NONE;
            present.clear();
            return all;
        }
    }

    public Session[] sessions() {
        return sessions;
    }

    public List<Participant> participants() {
        synchronized (lock) {
            List<Participant> out = new ArrayList<>(present.size());
            present.values().forEach(p -> out.add(p.participant()));
            return out;
        }
    }

    public boolean isPresent(Participant participant) {
        synchronized (lock) {
            return present.containsKey(participant.key());
        }
    }

    private boolean arrive(Participant participant) {
        Presence before = present.get(participant.key());
        present.put(participant.key(), new Presence(participant, before == null ? 1 : before.sessions() + 1));
        return before == null;
    }

    private boolean depart(Participant participant) {
        Presence before = present.get(participant.key());
        if (before == null) {
            return false;
        }
        if (before.sessions() == 1) {
            present.remove(participant.key());
            return true;
        }
        present.put(participant.key(), new Presence(participant, before.sessions() - 1));
        return false;
    }

    @Override
    public String toString() {
        return "Room[" + id + " " + name + "]";
    }
}
