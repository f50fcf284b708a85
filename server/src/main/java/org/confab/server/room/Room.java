package org.confab.server.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.confab.server.delivery.Participant;
import org.confab.server.session.Session;

/**
 * A room (a DMconnect "subserver", a vCom group): who is present now, and the sessions that hear
 * what is said in it. A participant is present while at least one of their sessions is, so join
 * and leave notices are sent once per participant, not per session.
 */
public final class Room {

    private static final Session[] NONE = new Session[0];

    private final int id;
    private final String name;
    private final Object lock = new Object();
    // Copied on write: joins are rare, fan-out reads it for every message without locking.
    private volatile Session[] sessions = NONE;
    private final Map<String, Presence> present = new LinkedHashMap<>();

    private record Presence(Participant participant, int sessions) {
    }

    public Room(int id, String name) {
        this.id = id;
        this.name = name;
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
