package org.confab.server.community;

import org.confab.server.delivery.Delivery;
import org.confab.server.room.Room;
import org.confab.server.session.Session;

/** Carries what happens in rooms to the other DMconnect hosts involved (federation). */
public interface RoomRelay {

    /** Does nothing: a server without federation. */
    RoomRelay NONE = new RoomRelay() {
        @Override
        public void spread(Room room, Delivery delivery) {
        }

        @Override
        public void left(Session session, Room room) {
        }
    };

    /** Something was said or happened in a room of this server; hosts with users in it hear it too. */
    void spread(Room room, Delivery delivery);

    /** A session left a room owned by another host; that host must be told. */
    void left(Session session, Room room);
}
