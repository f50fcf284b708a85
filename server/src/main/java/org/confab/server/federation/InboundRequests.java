package org.confab.server.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.confab.server.account.Names;
import org.confab.server.session.Sessions;
import org.confab.text.federation.DialbackCheck;
import org.confab.text.federation.ErrorResponse;
import org.confab.text.federation.FederationRequest;
import org.confab.text.federation.FederationResponse;
import org.confab.text.federation.OkResponse;
import org.confab.text.federation.OnlineMapResponse;
import org.confab.text.federation.PresenceSubscribe;
import org.confab.text.federation.PresenceUnsubscribe;
import org.confab.text.federation.PresenceUpdate;
import org.confab.text.federation.RemotePm;
import org.confab.text.federation.RoomAct;
import org.confab.text.federation.RoomEvent;
import org.confab.text.federation.RoomJoin;
import org.confab.text.federation.RoomLeave;
import org.confab.text.federation.RoomMembersRequest;
import org.confab.text.federation.RoomMessage;
import org.confab.text.federation.S2sPing;
import org.confab.text.federation.StatusRequest;

/**
 * What this server answers to each request of another host. Dialback checks, pings and status
 * requests are answered at once (DMCD never verifies those, and sends no id to verify them by);
 * everything else only once the calling host has confirmed, by dialback, that it sent it.
 */
final class InboundRequests {

    private final Dialback dialback;
    private final Sessions sessions;
    private final HomeRooms homeRooms;
    private final VisitedRooms visitedRooms;
    private final RemotePrivateMessages privateMessages;
    private volatile PresenceInbox presence;

    InboundRequests(Dialback dialback, Sessions sessions, HomeRooms homeRooms, VisitedRooms visitedRooms,
                    RemotePrivateMessages privateMessages) {
        this.dialback = dialback;
        this.sessions = sessions;
        this.homeRooms = homeRooms;
        this.visitedRooms = visitedRooms;
        this.privateMessages = privateMessages;
    }

    void presence(PresenceInbox presence) {
        this.presence = presence;
    }

    CompletionStage<FederationResponse> answer(FederationRequest request) {
        if (request instanceof DialbackCheck check) {
            return done(dialback.answer(check));
        }
        if (request instanceof S2sPing) {
            return done(new OkResponse());
        }
        if (request instanceof StatusRequest status) {
            return done(onlineMap(status.usernames()));
        }
        if (!wellFormed(request)) {
            return done(new ErrorResponse(FederationChannel.BAD_REQUEST));
        }
        return dialback.verify(request).thenCompose(verified -> verified
                ? act(request)
                : done(new ErrorResponse(ErrorResponse.DIALBACK_FAILED)));
    }

    private CompletionStage<FederationResponse> act(FederationRequest request) {
        if (request instanceof RemotePm pm) {
            return privateMessages.receive(pm);
        } else if (request instanceof RoomJoin join) {
            return done(homeRooms.join(join));
        } else if (request instanceof RoomLeave leave) {
            return done(homeRooms.leave(leave));
        } else if (request instanceof RoomMessage message) {
            return done(homeRooms.message(message));
        } else if (request instanceof RoomAct act) {
            return done(homeRooms.act(act));
        } else if (request instanceof RoomMembersRequest members) {
            return done(homeRooms.members(members));
        } else if (request instanceof RoomEvent event) {
            return done(visitedRooms.event(event));
        } else if (request instanceof PresenceSubscribe subscribe) {
            return presence.subscribe(subscribe);
        } else if (request instanceof PresenceUnsubscribe unsubscribe) {
            return presence.unsubscribe(unsubscribe);
        }
        return presence.update((PresenceUpdate) request);
    }

    /**
     * DMCD reports a user offline, and drops them from its rooms, when the answer says so; so the
     * answer is true for every user with a session, whatever they do.
     */
    private OnlineMapResponse onlineMap(List<String> usernames) {
        Map<String, Boolean> online = new LinkedHashMap<>();
        usernames.forEach(u -> online.put(u, Names.isValid(u) && sessions.isOnline(Names.key(u))));
        return new OnlineMapResponse(online);
    }

    /** The caller's name must be one this server could dial back, and the names it sends ones it can show. */
    private static boolean wellFormed(FederationRequest request) {
        if (!RemoteNames.isHost(request.fromHost())) {
            return false;
        }
        if (request instanceof RemotePm pm) {
            return RemoteNames.isName(pm.sender());
        } else if (request instanceof RoomJoin join) {
            return RemoteNames.isName(join.sender());
        } else if (request instanceof RoomEvent event) {
            return RemoteNames.isName(event.sender()) && RemoteNames.isHost(event.senderOrigin());
        } else if (request instanceof PresenceSubscribe subscribe) {
            return RemoteNames.isName(subscribe.subscriber());
        } else if (request instanceof PresenceUpdate update) {
            return RemoteNames.isName(update.user());
        }
        return true;
    }

    private static CompletionStage<FederationResponse> done(FederationResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
