package org.confab.bench.floor;

import java.util.Arrays;

/** A room of the floor server: its members, copied on write so that fan-out reads without a lock. */
final class FloorRoom {

    private static final FloorConn[] NONE = new FloorConn[0];

    private volatile FloorConn[] members = NONE;

    synchronized void enter(FloorConn conn) {
        FloorConn[] grown = Arrays.copyOf(members, members.length + 1);
        grown[members.length] = conn;
        members = grown;
    }

    synchronized void exit(FloorConn conn) {
        members = Arrays.stream(members).filter(m -> m != conn).toArray(FloorConn[]::new);
    }

    /** Every member hears the line, the sender included, as in DMconnect. */
    void broadcast(OutLine line) {
        for (FloorConn member : members) {
            member.send(line);
        }
    }
}
