package org.confab.server.community;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.confab.server.account.Account;
import org.confab.server.account.Accounts;
import org.confab.server.account.Names;
import org.confab.server.access.Admission;
import org.confab.server.contacts.Contacts;
import org.confab.server.delivery.Content;
import org.confab.server.delivery.Delivery;
import org.confab.server.delivery.Participant;
import org.confab.server.messaging.Groups;
import org.confab.server.messaging.Mailbox;
import org.confab.server.room.Room;
import org.confab.server.room.Rooms;
import org.confab.server.session.Session;
import org.confab.server.session.Sessions;
import org.confab.storage.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain core's operations: who is online, who is in which room, and how messages reach
 * people. Every protocol adapter calls these; none of them formats anything.
 */
public final class Community {

    private static final Logger log = LoggerFactory.getLogger(Community.class);

    public enum PrivateOutcome { SENT, OFFLINE, NO_SUCH_USER, SELF, BANNED }

    public enum BanOutcome { BANNED, NO_SUCH_USER, SELF }

    public enum Deletion { DELETED, NOT_FOUND, DEFAULT_ROOM }

    public enum GroupOutcome { SENT, NO_SUCH_GROUP, NOT_MEMBER }

    private final Accounts accounts;
    private final Rooms rooms;
    private final Sessions sessions;
    private final Contacts contacts;
    private final Store store;
    private final Executor database;
    private volatile boolean closing;
    private volatile RoomRelay relay = RoomRelay.NONE;
    private volatile PresenceListener presence = PresenceListener.NONE;
    private final Mailbox mailbox;
    private final Groups groups;

    /** {@code maxStoredPerAccount}: how many messages may wait for one offline account. */
    public Community(Accounts accounts, Rooms rooms, Sessions sessions, Contacts contacts, Store store, Executor database,
                     int maxStoredPerAccount) {
        this.accounts = accounts;
        this.rooms = rooms;
        this.sessions = sessions;
        this.contacts = contacts;
        this.store = store;
        this.database = database;
        this.mailbox = new Mailbox(store, sessions, contacts, database, maxStoredPerAccount);
        this.groups = new Groups(store, sessions, contacts, mailbox, database);
    }

    /** Connects the rooms to other hosts; set once at start-up, before the first connection. */
    public void relay(RoomRelay relay) {
        this.relay = relay;
    }

    /** Set once at start-up, before the first connection. */
    public void presence(PresenceListener presence) {
        this.presence = presence;
    }

    public Contacts contacts() {
        return contacts;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Rooms rooms() {
        return rooms;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** A session has logged in; it is online once the account's block list is in memory. */
    public CompletableFuture<Void> online(Session session) {
        return contacts.hold(session.account()).thenRun(() -> {
            if (sessions.add(session)) {
                presence.changed(session.account(), true);
            }
            log.info("Login: {} via {} from {} (session {})", session.account().name(), session.protocol().label(),
                    session.remoteAddress(), session.id());
        });
    }

    /** The session is gone: it leaves its room, if any, and the account may go offline. */
    public void offline(Session session, Room room) {
        if (room != null) {
            exit(session, room);
        }
        forget(session);
    }

    /**
     * Out of the registry; the account goes offline with its last session. Kicks and bans call it
     * before the connection has closed, and offline() then finds the session already gone.
     */
    private void forget(Session session) {
        if (closing) {
            return; // closeAll already took care of it; the database pool may be gone
        }
        Sessions.Removal removal = sessions.remove(session);
        if (removal != Sessions.Removal.ABSENT) {
            contacts.release(session.account());
        }
        if (removal == Sessions.Removal.LAST) {
            database.execute(() -> store.accounts().touchLastSeen(session.account().id(), Instant.now()));
        }
        // Also after a ban or kick, which took the session out of the registry before it closed.
        if (!sessions.isOnline(session.account().key())) {
            presence.changed(session.account(), false);
        }
    }

    /**
     * Shutdown: every session is told and leaves the registry, and each account's last-seen time is
     * written now, on the closing thread, while the store is still open. The connections' own
     * close events, which may come after the database pool has stopped, then find nothing to do.
     */
    public void closeAll(Delivery farewell) {
        closing = true;
        Instant now = Instant.now();
        for (Session s : List.copyOf(sessions.all())) {
            if (sessions.remove(s) == Sessions.Removal.LAST) {
                store.accounts().touchLastSeen(s.account().id(), now);
            }
            s.disconnect(farewell);
        }
    }

    /** Puts a session in a room; the room hears a join notice unless the account was already there. */
    public void enter(Session session, Room room) {
        Participant who = Participant.local(session.account().name());
        if (room.enter(session, who)) {
            fanOut(room, who, new Delivery.MemberJoined(room, who));
        }
        // Joining a room over DMconnect makes the account a member of that vCom group.
        long accountId = session.account().id();
        database.execute(() -> store.memberships().add(room.id(), accountId));
    }

    public void exit(Session session, Room room) {
        Participant who = Participant.local(session.account().name());
        if (room.isRemote()) {
            room.exit(session, who);
            relay.left(session, room);
        } else if (room.exit(session, who)) {
            fanOut(room, who, new Delivery.MemberLeft(room, who));
        }
    }

    /** Public chat: every session in the room hears it, the sender's own included. */
    public void say(Session session, Room room, String text) {
        post(session.account(), room, new Content.Text(text), false);
    }

    /**
     * A message to a vCom group, i.e. to the room with that id, from one of its members; the
     * room and its members hear it as if it had been said in the room.
     */
    public CompletableFuture<GroupOutcome> sendToGroup(Account from, int groupId, Content content) {
        Optional<Room> room = rooms.findById(groupId);
        if (room.isEmpty()) {
            return CompletableFuture.completedFuture(GroupOutcome.NO_SUCH_GROUP);
        }
        return CompletableFuture.supplyAsync(() -> store.memberships().isMember(groupId, from.id()), database)
                .thenApply(member -> {
                    if (!member) {
                        return GroupOutcome.NOT_MEMBER;
                    }
                    post(from, room.get(), content, true);
                    return GroupOutcome.SENT;
                });
    }

    /**
     * The sessions in the room hear it now; its members elsewhere through {@link Groups}, which
     * keeps it for offline members if {@code keep} (vCom's group messages, not DMconnect chat).
     */
    private void post(Account from, Room room, Content content, boolean keep) {
        Participant who = Participant.local(from.name());
        long sentAt = System.currentTimeMillis();
        fanOut(room, who, new Delivery.RoomMessage(room, who, content, sentAt));
        groups.forward(from, new Delivery.GroupMessage(room.id(), who, content, sentAt), keep);
    }

    /**
     * A line said in one of this server's rooms by a user of another host: the room, the other
     * hosts with users in it and the room's vCom members all hear it, as they would a local line.
     */
    public void sayFromElsewhere(Room room, Participant who, String text) {
        long sentAt = System.currentTimeMillis();
        Content content = new Content.Text(text);
        fanOut(room, who, new Delivery.RoomMessage(room, who, content, sentAt));
        groups.forward(null, new Delivery.GroupMessage(room.id(), who, content, sentAt), false);
    }

    public void act(Session session, Room room, String act) {
        Participant who = Participant.local(session.account().name());
        fanOut(room, who, new Delivery.RoomAct(room, who, act));
    }

    public List<Participant> members(Room room) {
        return room.participants();
    }

    /**
     * A private message from a local account. Every session of an online recipient gets it; for an
     * offline one the outcome says so and nothing is kept.
     */
    public CompletableFuture<PrivateOutcome> sendPrivate(Account from, String recipient, Content content) {
        String key = Names.key(recipient);
        if (key.equals(from.key())) {
            return CompletableFuture.completedFuture(PrivateOutcome.SELF);
        }
        return deliverPrivate(Participant.local(from.name()), recipient, content);
    }

    /**
     * A private message to a local account from anyone, a user of another host included; never
     * {@link PrivateOutcome#SELF}.
     */
    public CompletableFuture<PrivateOutcome> deliverPrivate(Participant sender, String recipient, Content content) {
        String key = Names.key(recipient);
        if (deliverToAccount(key, new Delivery.PrivateMessage(sender, content, System.currentTimeMillis(), false))) {
            return CompletableFuture.completedFuture(PrivateOutcome.SENT);
        }
        return accounts.find(recipient).thenApplyAsync(found -> {
            if (found.isEmpty()) {
                return PrivateOutcome.NO_SUCH_USER;
            }
            if (store.bans().isBanned(found.get().name())) {
                return PrivateOutcome.BANNED;
            }
            // It may have come online while we looked it up.
            return deliverToAccount(key, new Delivery.PrivateMessage(sender, content, System.currentTimeMillis(), false))
                    ? PrivateOutcome.SENT : PrivateOutcome.OFFLINE;
        }, database);
    }

    /**
     * Like {@link #sendPrivate}, but a message for an offline account is kept and delivered when
     * it next connects (vCom's store-and-forward); the outcome is then still OFFLINE.
     */
    public CompletableFuture<PrivateOutcome> sendPrivateOrKeep(Account from, String recipient, Content content) {
        Delivery.PrivateMessage message = new Delivery.PrivateMessage(Participant.local(from.name()), content,
                System.currentTimeMillis(), true);
        return sendPrivate(from, recipient, content).thenCompose(outcome -> outcome != PrivateOutcome.OFFLINE
                ? CompletableFuture.completedFuture(outcome)
                : accounts.find(recipient).thenApplyAsync(found -> {
                    found.ifPresent(to -> {
                        // It may have come online since sendPrivate looked: then it gets it now.
                        if (mailbox.keep(to.id(), message) && sessions.isOnline(to.key())) {
                            mailbox.deliver(to);
                        }
                    });
                    return outcome;
                }, database));
    }

    /**
     * Hands an account's kept messages to its sessions, once a protocol has told a newly logged
     * in client what it must hear first.
     */
    public CompletableFuture<Void> deliverStored(Account account) {
        return mailbox.deliver(account);
    }

    /** Bans an account: it can no longer log in, and every session it has is closed with a last line. */
    public CompletableFuture<BanOutcome> ban(String name, Account by) {
        if (Names.key(name).equals(by.key())) {
            return CompletableFuture.completedFuture(BanOutcome.SELF);
        }
        return ban(name, "banned by " + by.name(), by.name());
    }

    /** The same ban given from outside any session (the admin CLI); {@code by} names who gave it. */
    public CompletableFuture<BanOutcome> ban(String name, String reason, String by) {
        return accounts.find(name).thenApplyAsync(found -> {
            if (found.isEmpty()) {
                return BanOutcome.NO_SUCH_USER;
            }
            store.bans().ban(found.get().name(), reason, by);
            log.info("Ban: {} by {}", found.get().name(), by);
            // Out of the registry at once, so that nothing more is delivered to a banned account
            // while its connections close.
            for (Session s : List.copyOf(sessions.of(found.get().key()))) {
                forget(s);
                s.disconnect(new Delivery.Notice(Delivery.Notice.Reason.BANNED));
            }
            return BanOutcome.BANNED;
        }, database);
    }

    public CompletableFuture<Deletion> deleteRoom(String name) {
        if (Names.key(name).equals(Rooms.DEFAULT_ROOM)) {
            return CompletableFuture.completedFuture(Deletion.DEFAULT_ROOM);
        }
        return rooms.delete(name).thenApply(deleted -> {
            if (deleted.isEmpty()) {
                return Deletion.NOT_FOUND;
            }
            Room room = deleted.get();
            for (Session s : room.evacuate()) {
                s.deliver(new Delivery.RoomDeleted(room));
            }
            log.info("Room deleted: {}", room.name());
            return Deletion.DELETED;
        });
    }

    /** An administrator's message to every online session. */
    public int broadcast(String text) {
        Delivery d = new Delivery.Broadcast(text);
        int n = 0;
        for (Session s : sessions.all()) {
            s.deliver(d);
            n++;
        }
        return n;
    }

    public Optional<Room> room(String name) {
        return rooms.find(name);
    }

    /** Ends one session (administrator's kick); false when there is no such session. */
    public boolean kick(long sessionId) {
        Optional<Session> session = sessions.find(sessionId);
        session.ifPresent(s -> {
            forget(s);
            s.disconnect(new Delivery.Notice(Delivery.Notice.Reason.KICKED));
            log.info("Kicked {} (session {})", s.account().name(), s.id());
        });
        return session.isPresent();
    }

    /**
     * Applies the access lists to everyone already connected, after an administrator changed
     * them: each session that would no longer be admitted is told why and closed. Returns how
     * many were closed.
     */
    public CompletableFuture<Integer> enforceAccess() {
        return CompletableFuture.supplyAsync(() -> {
            int closed = 0;
            for (Session s : List.copyOf(sessions.all())) {
                Admission.Verdict verdict = accounts.admission().check(s.remoteAddress().getAddress(), s.account().name());
                if (verdict != Admission.Verdict.ADMITTED) {
                    forget(s);
                    s.disconnect(new Delivery.Notice(switch (verdict) {
                        case IP_BLACKLISTED -> Delivery.Notice.Reason.IP_BLACKLISTED;
                        case USER_BLACKLISTED -> Delivery.Notice.Reason.USER_BLACKLISTED;
                        default -> Delivery.Notice.Reason.NOT_WHITELISTED;
                    }));
                    log.info("Access revoked: {} from {} ({})", s.account().name(), s.remoteAddress(), verdict);
                    closed++;
                }
            }
            return closed;
        }, database);
    }

    /** Delivers to every session of an account unless it blocks the sender; false when it has none. */
    private boolean deliverToAccount(String key, Delivery.PrivateMessage delivery) {
        List<Session> targets = sessions.of(key);
        for (Session s : targets) {
            if (!contacts.blocks(s.account(), delivery.sender())) {
                s.deliver(delivery);
            }
        }
        return !targets.isEmpty();
    }

    /**
     * Every session in a room of this server hears the delivery unless it blocks the sender, and
     * so do the other hosts with users in the room. Federation calls this for what users of other
     * hosts do here.
     */
    public void fanOut(Room room, Participant sender, Delivery delivery) {
        deliverLocally(room, sender, delivery);
        relay.spread(room, delivery);
    }

    /** Only this server's sessions in the room hear it: what a room's home host reported. */
    public void deliverLocally(Room room, Participant sender, Delivery delivery) {
        for (Session s : room.sessions()) {
            if (!contacts.blocks(s.account(), sender)) {
                s.deliver(delivery);
            }
        }
    }
}
