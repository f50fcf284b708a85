package org.confab.server.delivery;

import org.confab.server.room.Room;

/** Something the core hands to a session for its client to see. Each protocol's outbox formats it. */
public sealed interface Delivery {

    record RoomMessage(Room room, Participant sender, Content content, long sentAtMillis) implements Delivery {
    }

    record RoomAct(Room room, Participant sender, String act) implements Delivery {
    }

    record MemberJoined(Room room, Participant member) implements Delivery {
    }

    record MemberLeft(Room room, Participant member) implements Delivery {
    }

    /** A room the session was in was deleted by an administrator. */
    record RoomDeleted(Room room) implements Delivery {
    }

    /**
     * A room's message as a member who is not in the room receives it (a vCom group message):
     * by the room's numeric id, which outlives the room's name and the room itself.
     */
    record GroupMessage(int groupId, Participant sender, Content content, long sentAtMillis) implements Delivery {
    }

    /** {@code stored}: it waited in the database while the recipient was offline. */
    record PrivateMessage(Participant sender, Content content, long sentAtMillis, boolean stored) implements Delivery {
    }

    /** Someone the session's account subscribed to came online or went offline (DMconnect's status capability). */
    record Presence(Participant who, boolean online) implements Delivery {
    }

    /** An administrator's message to everyone online. */
    record Broadcast(String text) implements Delivery {
    }

    /** Last words before the server closes a session. */
    record Notice(Reason reason) implements Delivery {
        public enum Reason { BANNED, SHUTTING_DOWN, KICKED, IP_BLACKLISTED, USER_BLACKLISTED, NOT_WHITELISTED }
    }
}
