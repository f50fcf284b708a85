package org.confab.server.federation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.confab.server.community.Community;
import org.confab.server.delivery.Content;
import org.confab.server.delivery.Delivery;
import org.confab.server.delivery.Participant;
import org.confab.server.room.Room;
import org.confab.server.session.Session;
import org.confab.text.federation.FederationRequest;
import org.confab.text.federation.FederationResponse;
import org.confab.text.federation.OkResponse;
import org.confab.text.federation.RoomAct;
import org.confab.text.federation.RoomEvent;
import org.confab.text.federation.RoomEventKind;
import org.confab.text.federation.RoomJoin;
import org.confab.text.federation.RoomLeave;
import org.confab.text.federation.RoomMembersRequest;
import org.confab.text.federation.RoomMembersResponse;
import org.confab.text.federation.RoomMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms of other hosts that this server's sessions are in ({@code /join_server ROOM@HOST}).
 * The home host keeps the members; every session here joins and leaves it there, and hears the
 * room through the home host's {@code room_event}s, its own lines included.
 *
 * <p>A home host may only speak for its own users and other hosts': an event naming a user of
 * this server is shown only as the echo of something that user really did here, so that the
 * home host cannot put words in her mouth.
 */
public final class VisitedRooms {

    private static final Logger log = LoggerFactory.getLogger(VisitedRooms.class);
    /** How long an echo is awaited, and how many at most per visited room: a bounded record. */
    private static final long ECHO_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_AWAITED_ECHOES = 64;

    private final Community community;
    private final Peers peers;
    private final Map<String, Visit> visits = new HashMap<>();

    /**
     * One visited room. Sessions whose join is still unanswered keep what the room says meanwhile,
     * so that the join line comes first and nothing is lost in between (the home host may send
     * the join notice before its answer arrives).
     */
    private static final class Visit {
        final Room room;
        final Map<Session, List<Delivery>> joining = new HashMap<>();
        /** What this server's users did in the room and the home host should echo; oldest first. */
        final Deque<Echo> awaited = new ArrayDeque<>();

        Visit(Room room) {
            this.room = room;
        }
    }

    /** One local user's line, action, join or leave, as its echo would name it; text null for the last two. */
    private record Echo(RoomEventKind kind, String userKey, String text, long deadlineNanos) {
        boolean matches(RoomEventKind kind, String userKey, String text) {
            return this.kind == kind && this.userKey.equals(userKey) && Objects.equals(this.text, text);
        }
    }

    VisitedRooms(Community community, Peers peers) {
        this.community = community;
        this.peers = peers;
    }

    /**
     * Joins {@code room} on {@code host} for one session. On success {@code joined} runs first,
     * then the session hears the room; the stage completes with whether the home host accepted.
     */
    public CompletionStage<Boolean> join(Session session, String room, String host, Consumer<Room> joined) {
        Visit visit;
        synchronized (this) {
            visit = visits.computeIfAbsent(key(room, host), k -> new Visit(Room.visiting(room, host)));
            synchronized (visit) {
                visit.joining.put(session, new ArrayList<>());
            }
        }
        await(visit, RoomEventKind.JOINED, session.account().name(), null);
        Participant who = Participant.local(session.account().name());
        return peers.call(host, new RoomJoin(peers.host(), peers.newMessageId(), room, who.name())).handle((answer, error) -> {
            boolean accepted = error == null && answer instanceof OkResponse;
            synchronized (visit) {
                List<Delivery> heard = visit.joining.remove(session);
                if (accepted) {
                    joined.accept(visit.room);
                    visit.room.enter(session, who);
                    heard.forEach(session::deliver);
                }
            }
            if (!accepted) {
                forgetIfEmpty(visit);
            }
            return accepted;
        });
    }

    /** A chat line to a visited room; completes with whether its home host took it. */
    public CompletionStage<Boolean> say(Session session, Room room, String text) {
        await(room, RoomEventKind.MESSAGE, session.account().name(), text);
        return accepted(room.home(), new RoomMessage(peers.host(), peers.newMessageId(), room.nameAtHome(),
                session.account().name(), text));
    }

    public CompletionStage<Boolean> act(Session session, Room room, String act) {
        await(room, RoomEventKind.ACT, session.account().name(), act);
        return accepted(room.home(), new RoomAct(peers.host(), peers.newMessageId(), room.nameAtHome(),
                session.account().name(), act));
    }

    /** Who is in a visited room, as this server shows them; empty when the home host does not say. */
    public CompletionStage<Optional<List<String>>> members(Room room) {
        return peers.call(room.home(), new RoomMembersRequest(peers.host(), peers.newMessageId(), room.nameAtHome()))
                .handle((answer, error) -> error == null && answer instanceof RoomMembersResponse members
                        ? Optional.of(members.members().stream().map(m -> peers.host().equalsIgnoreCase(m.origin())
                                ? m.username() : m.username() + "@" + m.origin()).toList())
                        : Optional.empty());
    }

    /** A session has left a visited room (it closed): the home host is told. */
    void left(Session session, Room room) {
        await(room, RoomEventKind.LEFT, session.account().name(), null);
        peers.post(room.home(), new RoomLeave(peers.host(), peers.newMessageId(), room.nameAtHome(), session.account().name()));
        Visit visit;
        synchronized (this) {
            visit = visits.get(key(room.nameAtHome(), room.home()));
        }
        if (visit != null) {
            forgetIfEmpty(visit);
        }
    }

    /** What the home host of a visited room reports: this server's sessions in it hear it. */
    FederationResponse event(RoomEvent event) {
        Visit visit;
        synchronized (this) {
            visit = visits.get(key(event.room(), event.fromHost()));
        }
        if (visit == null) {
            return new OkResponse();
        }
        boolean local = peers.host().equalsIgnoreCase(event.senderOrigin());
        if (local && !echoed(visit, event)) {
            log.info("Ignored a room_event from {} naming local user {} ({} in {}) that this server did not send",
                    event.fromHost(), event.sender(), event.event().wireName(), event.room());
            return new OkResponse();
        }
        Participant sender = local ? Participant.local(event.sender()) : new Participant(event.sender(), event.senderOrigin());
        Delivery delivery = delivery(visit.room, event, sender);
        synchronized (visit) {
            community.deliverLocally(visit.room, sender, delivery);
            visit.joining.forEach((session, heard) -> {
                if (!community.contacts().blocks(session.account(), sender)) {
                    heard.add(delivery);
                }
            });
        }
        return new OkResponse();
    }

    private void await(Room room, RoomEventKind kind, String user, String text) {
        Visit visit;
        synchronized (this) {
            visit = visits.get(key(room.nameAtHome(), room.home()));
        }
        if (visit != null) {
            await(visit, kind, user, text);
        }
    }

    private static void await(Visit visit, RoomEventKind kind, String user, String text) {
        long now = System.nanoTime();
        synchronized (visit) {
            dropExpired(visit, now);
            if (visit.awaited.size() >= MAX_AWAITED_ECHOES) {
                visit.awaited.removeFirst();
            }
            visit.awaited.addLast(new Echo(kind, userKey(user), text == null ? null : RemoteNames.oneLine(text),
                    now + ECHO_WAIT_NANOS));
        }
    }

    /** Whether the event is the echo of something awaited; an echo is used up by the event it matches. */
    private static boolean echoed(Visit visit, RoomEvent event) {
        String text = event.text() == null ? null : RemoteNames.oneLine(event.text());
        synchronized (visit) {
            dropExpired(visit, System.nanoTime());
            for (Iterator<Echo> it = visit.awaited.iterator(); it.hasNext(); ) {
                if (it.next().matches(event.event(), userKey(event.sender()), text)) {
                    it.remove();
                    return true;
                }
            }
        }
        return false;
    }

    private static void dropExpired(Visit visit, long now) {
        while (!visit.awaited.isEmpty() && visit.awaited.peekFirst().deadlineNanos() - now < 0) {
            visit.awaited.removeFirst();
        }
    }

    private static String userKey(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    private static Delivery delivery(Room room, RoomEvent event, Participant sender) {
        return switch (event.event()) {
            case JOINED -> new Delivery.MemberJoined(room, sender);
            case LEFT -> new Delivery.MemberLeft(room, sender);
            case MESSAGE -> new Delivery.RoomMessage(room, sender, new Content.Text(RemoteNames.oneLine(event.text())),
                    System.currentTimeMillis());
            case ACT -> new Delivery.RoomAct(room, sender, RemoteNames.oneLine(event.text()));
        };
    }

    private CompletionStage<Boolean> accepted(String host, FederationRequest request) {
        return peers.call(host, request).handle((answer, error) -> error == null && answer instanceof OkResponse);
    }

    private void forgetIfEmpty(Visit visit) {
        synchronized (this) {
            synchronized (visit) {
                if (visit.room.sessions().length == 0 && visit.joining.isEmpty()) {
                    visits.remove(key(visit.room.nameAtHome(), visit.room.home()), visit);
                }
            }
        }
    }

    private static String key(String room, String host) {
        return (room + "@" + host).toLowerCase(Locale.ROOT);
    }
}
