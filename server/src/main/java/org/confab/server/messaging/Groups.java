package org.confab.server.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.confab.server.account.Account;
import org.confab.server.contacts.Contacts;
import org.confab.server.delivery.Delivery;
import org.confab.server.runtime.SerialQueue;
import org.confab.server.session.Session;
import org.confab.server.session.Sessions;
import org.confab.storage.Store;

/**
 * A room's messages for its members who are not in it: a room is also a vCom group, whose
 * members (stored memberships) follow it from their vCom sessions. Each member account's vCom
 * sessions get the message at once; a member with none gets a group message (vCom's 267) kept
 * in the {@link Mailbox}, while chat said in the room over DMconnect, which keeps no room
 * history, is not kept. The sender's own account gets no copy. One room's messages are
 * forwarded in the order they were said, as each needs the member list from the store.
 */
public final class Groups {

    private final Store store;
    private final Sessions sessions;
    private final Contacts contacts;
    private final Mailbox mailbox;
    private final Executor database;
    private final Map<Integer, SerialQueue> queues = new ConcurrentHashMap<>();

    public Groups(Store store, Sessions sessions, Contacts contacts, Mailbox mailbox, Executor database) {
        this.store = store;
        this.sessions = sessions;
        this.contacts = contacts;
        this.mailbox = mailbox;
        this.database = database;
    }

    /**
     * {@code from}: the sending account, whose own sessions are skipped; null for a user of
     * another host. {@code keep}: whether members with no vCom session online get it later.
     */
    public void forward(Account from, Delivery.GroupMessage message, boolean keep) {
        if (!keep && !sessions.anyVcom()) {
            // Nobody to tell: checked here, as a hop to the database pool for every line said in
            // a room costs a thread wake-up on the fan-out path.
            return;
        }
        queues.computeIfAbsent(message.groupId(), id -> new SerialQueue())
                .submit(() -> CompletableFuture.runAsync(() -> toMembers(from, message, keep), database));
    }

    /** Costs the room's members, looked up one by one, not a walk over every session online. */
    private void toMembers(Account from, Delivery.GroupMessage message, boolean keep) {
        List<Long> kept = new ArrayList<>();
        for (long member : store.memberships().members(message.groupId())) {
            if (from != null && member == from.id()) {
                continue;
            }
            List<Session> targets = sessions.vcomOf(member);
            if (targets.isEmpty()) {
                if (keep && mailbox.keep(member, message)) {
                    kept.add(member);
                }
                continue;
            }
            for (Session s : targets) {
                if (!contacts.blocks(s.account(), message.sender())) {
                    s.deliver(message);
                }
            }
        }
        // A member whose vCom session came online while its copy was being stored gets it now,
        // not only at its next connection.
        for (long member : kept) {
            List<Session> targets = sessions.vcomOf(member);
            if (!targets.isEmpty()) {
                mailbox.deliver(targets.get(0).account());
            }
        }
    }
}
