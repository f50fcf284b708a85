package org.confab.bench.work;

/**
 * Who is where and who says what in a room workload. Client {@code i} sits in room
 * {@code i % rooms}; the first {@code senders} clients send (so senders spread over the rooms);
 * sender {@code j}'s {@code k}-th message has id {@code j * messages + k}.
 */
public record RoomPlan(int clients, int rooms, int senders, int messages, double rate) {

    public RoomPlan {
        if (clients < 1 || rooms < 1 || rooms > clients || senders < 1 || senders > clients || messages < 1) {
            throw new IllegalArgumentException("need 1 <= rooms <= clients, 1 <= senders <= clients, messages >= 1");
        }
    }

    public int roomOf(int client) {
        return client % rooms;
    }

    public int roomOfMessage(long id) {
        return roomOf((int) (id / messages));
    }

    /** Messages sent to {@code room}: those of senders {@code room}, {@code room + rooms}, ... */
    public long messagesTo(int room) {
        return (long) (senders / rooms + (room < senders % rooms ? 1 : 0)) * messages;
    }

    /** Where message {@code id} stands among its room's messages, from 0 to {@code messagesTo(room) - 1}. */
    public long indexInRoom(long id) {
        return id / messages / rooms * messages + id % messages;
    }

    /** The same clients, rooms, senders and rate, with {@code m} messages per sender. */
    public RoomPlan withMessages(int m) {
        return new RoomPlan(clients, rooms, senders, m, rate);
    }

    public long totalMessages() {
        return (long) senders * messages;
    }

    public int membersOf(int room) {
        return clients / rooms + (room < clients % rooms ? 1 : 0);
    }

    /** Every member of the sender's room gets every message, the sender included. */
    public long expectedDeliveries() {
        long total = 0;
        for (int j = 0; j < senders; j++) {
            total += (long) messages * membersOf(roomOf(j));
        }
        return total;
    }

    public boolean flood() {
        return rate <= 0;
    }
}
