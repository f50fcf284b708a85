package org.confab.server.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.confab.server.community.Community;
import org.confab.server.delivery.Content;
import org.confab.server.delivery.Delivery;
import org.confab.server.delivery.Participant;
import org.confab.server.room.Room;
import org.confab.text.Replies;
import org.confab.text.federation.ErrorResponse;
import org.confab.text.federation.FederationResponse;
import org.confab.text.federation.OkResponse;
import org.confab.text.federation.RoomAct;
import org.confab.text.federation.RoomEvent;
import org.confab.text.federation.RoomEventKind;
import org.confab.text.federation.RoomJoin;
import org.confab.text.federation.RoomLeave;
import org.confab.text.federation.RoomMember;
import org.confab.text.federation.RoomMembersRequest;
import org.confab.text.federation.RoomMembersResponse;
import org.confab.text.federation.RoomMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms this server owns, as other hosts see them: their users join, speak and leave here,
 * and everything said in a room reaches every host with users in it as a {@code room_event}
 * (the speaker's own host included: its users see their lines through it).
 */
final class HomeRooms {

    private static final Logger log = LoggerFactory.getLogger(HomeRooms.class);
    /** Ours: DMCD creates any room a remote user names; here only existing rooms can be joined. */
    static final String NO_SUCH_ROOM = "no_such_room";
    /** Ours: a remote act that would forge a join or leave notice. */
    static final String ACT_NOT_ALLOWED = "act_not_allowed";

    private final Community community;
    private final Peers peers;
    // DMCD names a visited room by the spelling its user typed, case and all; events for it must
    // use that spelling, while this server's room names ignore case. Keyed by room id and host.
    private final Map<String, String> spellings = new ConcurrentHashMap<>();

    HomeRooms(Community community, Peers peers) {
        this.community = community;
        this.peers = peers;
    }

    FederationResponse join(RoomJoin request) {
        Optional<Room> found = community.room(request.room());
        if (found.isEmpty()) {
            return new ErrorResponse(NO_SUCH_ROOM);
        }
        Room room = found.get();
        spellings.put(spellingKey(room, request.fromHost()), request.room());
        Participant who = new Participant(request.sender(), request.fromHost());
        if (room.enterRemote(who)) {
            community.fanOut(room, who, new Delivery.MemberJoined(room, who));
        }
        return new OkResponse();
    }

    FederationResponse leave(RoomLeave request) {
        return withMember(request.room(), request.sender(), request.fromHost(), (room, who) -> {
            if (room.exitRemote(who)) {
                community.fanOut(room, who, new Delivery.MemberLeft(room, who));
            }
        });
    }

    FederationResponse message(RoomMessage request) {
        return withMember(request.room(), request.sender(), request.fromHost(),
                (room, who) -> community.sayFromElsewhere(room, who, RemoteNames.oneLine(request.text())));
    }

    FederationResponse act(RoomAct request) {
        if (Replies.RESERVED_ACTS.contains(request.act())) {
            return new ErrorResponse(ACT_NOT_ALLOWED);
        }
        return withMember(request.room(), request.sender(), request.fromHost(),
                (room, who) -> community.fanOut(room, who, new Delivery.RoomAct(room, who, RemoteNames.oneLine(request.act()))));
    }

    /** Everyone present, this server's users with its own name as their origin. */
    FederationResponse members(RoomMembersRequest request) {
        return community.room(request.room())
                .<FederationResponse>map(room -> new RoomMembersResponse(request.room(), community.members(room).stream()
                        .map(p -> new RoomMember(p.name(), p.isLocal() ? peers.host() : p.host())).toList()))
                .orElseGet(() -> new ErrorResponse(NO_SUCH_ROOM));
    }

    /** Tells every other host with users in the room what happened there. */
    void spread(Room room, Delivery delivery) {
        for (String host : room.remoteHosts()) {
            RoomEvent event = event(room, host, delivery);
            if (event != null) {
                peers.post(host, event);
            }
        }
    }

    /** A host stopped answering: its users leave every room, and everyone else hears it. */
    void dropHost(String host) {
        for (String name : community.rooms().names()) {
            community.room(name).ifPresent(room -> {
                for (Participant who : room.dropHost(host)) {
                    log.info("Dropped {} from {}: {} does not answer", who.display(), room.name(), host);
                    community.fanOut(room, who, new Delivery.MemberLeft(room, who));
                }
            });
        }
    }

    /** A user its host reports offline leaves every room it was still counted in. */
    void dropUser(Participant who) {
        for (String name : community.rooms().names()) {
            community.room(name).filter(room -> room.dropRemote(who)).ifPresent(room -> {
                log.info("Dropped {} from {}: offline on its host", who.display(), room.name());
                community.fanOut(room, who, new Delivery.MemberLeft(room, who));
            });
        }
    }

    /** The users of each other host present in this server's rooms, by host. */
    Map<String, List<String>> remoteUsersByHost() {
        Map<String, List<String>> byHost = new LinkedHashMap<>();
        for (String name : community.rooms().names()) {
            community.room(name).ifPresent(room -> community.members(room).stream().filter(p -> !p.isLocal())
                    .forEach(p -> {
                        List<String> users = byHost.computeIfAbsent(p.host().toLowerCase(Locale.ROOT), h -> new ArrayList<>());
                        if (!users.contains(p.name())) {
                            users.add(p.name());
                        }
                    }));
        }
        return byHost;
    }

    private RoomEvent event(Room room, String host, Delivery delivery) {
        String name = spellings.getOrDefault(spellingKey(room, host), room.name());
        if (delivery instanceof Delivery.RoomMessage m) {
            return event(name, RoomEventKind.MESSAGE, m.sender(), m.content() instanceof Content.Text t
                    ? t.text() : Replies.binaryMessage(m.content().bytes().length));
        } else if (delivery instanceof Delivery.RoomAct a) {
            return event(name, RoomEventKind.ACT, a.sender(), a.act());
        } else if (delivery instanceof Delivery.MemberJoined j) {
            return event(name, RoomEventKind.JOINED, j.member(), null);
        } else if (delivery instanceof Delivery.MemberLeft l) {
            return event(name, RoomEventKind.LEFT, l.member(), null);
        }
        return null;
    }

    private RoomEvent event(String room, RoomEventKind kind, Participant sender, String text) {
        return new RoomEvent(peers.host(), peers.newMessageId(), room, kind, sender.name(),
                sender.isLocal() ? peers.host() : sender.host(), text);
    }

    private static String spellingKey(Room room, String host) {
        return room.id() + " " + host.toLowerCase(Locale.ROOT);
    }

    private FederationResponse withMember(String roomName, String sender, String fromHost,
                                          BiConsumer<Room, Participant> action) {
        Participant who = new Participant(sender, fromHost);
        Optional<Room> room = community.room(roomName).filter(r -> r.isPresent(who));
        if (room.isEmpty()) {
            return new ErrorResponse(ErrorResponse.NOT_IN_ROOM);
        }
        action.accept(room.get(), who);
        return new OkResponse();
    }
}
