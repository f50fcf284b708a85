package org.confab.server.capability.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.confab.server.account.Account;
import org.confab.server.capability.Target;
import org.confab.server.community.Community;
import org.confab.server.community.PresenceListener;
import org.confab.server.delivery.Delivery;
import org.confab.server.delivery.Participant;
import org.confab.server.federation.Peers;
import org.confab.server.federation.PresenceInbox;
import org.confab.server.runtime.SerialQueue;
import org.confab.server.session.Protocol;
import org.confab.server.session.Session;
import org.confab.storage.ListKind;
import org.confab.text.federation.ErrorResponse;
import org.confab.text.federation.FederationResponse;
import org.confab.text.federation.OkResponse;
import org.confab.text.federation.PresenceSubscribe;
import org.confab.text.federation.PresenceUnsubscribe;
import org.confab.text.federation.PresenceUpdate;

/**
 * {@code USER is online.} / {@code USER is offline.} for everyone subscribed to USER: a local
 * account (whose subscribers on other hosts get a {@code presence_update}), or a user of another
 * host that reports it. The subscriptions are the accounts' friend lists, shared with vCom.
 */
public final class PresenceNotices implements PresenceListener, PresenceInbox {

    /** Far more than any real following; past it another host is more likely filling our memory. */
    static final int MAX_REMOTE_SUBSCRIBERS_PER_ACCOUNT = 1_000;
    static final String TOO_MANY_SUBSCRIBERS = "too_many_subscribers";

    private final Community community;
    private final Peers peers;
    // Users of other hosts subscribed to local accounts: account key -> their host -> their names.
    // In memory only: a subscriber's Confab host subscribes again each time the subscriber logs in.
    private final Map<String, Map<String, Set<String>>> remoteSubscribers = new ConcurrentHashMap<>();
    // Who is online, so that only a change is announced (a ban closes several sessions, each
    // reporting its account offline). Whoever is not here is offline: an account leaves with its
    // last session, so the set holds the accounts online now, not every one seen since the start.
    private final Set<String> knownOnline = ConcurrentHashMap.newKeySet();
    // One at a time, so that a quick login and logout are announced in that order.
    private final SerialQueue announcements = new SerialQueue();

    public PresenceNotices(Community community, Peers peers) {
        this.community = community;
        this.peers = peers;
    }

    @Override
    public void changed(Account account, boolean online) {
        announcements.submit(() -> announce(Participant.local(account.name()), online));
        if (online) {
            subscribeAgain(account);
        }
    }

    @Override
    public CompletionStage<FederationResponse> subscribe(PresenceSubscribe request) {
        return community.accounts().find(request.target()).thenApply(found -> {
            if (found.isEmpty()) {
                return new ErrorResponse(ErrorResponse.USER_NOT_FOUND);
            }
            Map<String, Set<String>> hosts = remoteSubscribers.computeIfAbsent(found.get().key(), k -> new ConcurrentHashMap<>());
            if (hosts.values().stream().mapToInt(Set::size).sum() >= MAX_REMOTE_SUBSCRIBERS_PER_ACCOUNT) {
                return new ErrorResponse(TOO_MANY_SUBSCRIBERS);
            }
            hosts.computeIfAbsent(request.fromHost().toLowerCase(Locale.ROOT), h -> ConcurrentHashMap.newKeySet())
                    .add(request.subscriber());
            return new OkResponse();
        });
    }

    @Override
    public CompletionStage<FederationResponse> unsubscribe(PresenceUnsubscribe request) {
        Map<String, Set<String>> hosts = remoteSubscribers.get(request.target().toLowerCase(Locale.ROOT));
        if (hosts != null) {
            hosts.computeIfPresent(request.fromHost().toLowerCase(Locale.ROOT), (host, users) -> {
                users.remove(request.subscriber());
                return users.isEmpty() ? null : users;
            });
        }
        return CompletableFuture.completedFuture(new OkResponse());
    }

    @Override
    public CompletionStage<FederationResponse> update(PresenceUpdate request) {
        announcements.submit(() -> announce(new Participant(request.user(), request.fromHost()), request.online()));
        return CompletableFuture.completedFuture(new OkResponse());
    }

    /**
     * A local account is always tracked; a remote user only once someone here subscribes,
     * so that another host cannot fill the set with names nobody follows.
     */
    private CompletionStage<?> announce(Participant who, boolean online) {
        if (who.isLocal()) {
            if (!changes(who, online)) {
                return null;
            }
            remoteSubscribers.getOrDefault(who.key(), Map.of()).keySet().forEach(host ->
                    peers.post(host, new PresenceUpdate(peers.host(), peers.newMessageId(), who.name(), online)));
        }
        return community.contacts().listing(ListKind.FRIENDS, who.display()).thenAccept(subscribers -> {
            if (subscribers.isEmpty() || !who.isLocal() && !changes(who, online)) {
                return;
            }
            Set<Long> ids = Set.copyOf(subscribers);
            Delivery notice = new Delivery.Presence(who, online);
            for (Session s : community.sessions().all()) {
                // vCom has no packet for this; its clients follow friends through their own lists.
                if (ids.contains(s.account().id()) && s.protocol() != Protocol.VCOM) {
                    s.deliver(notice);
                }
            }
        });
    }

    /**
     * Whether this is news. A user of another host may have come online before anyone here
     * subscribed, or before this server started: its going offline is news even when unseen.
     */
    private boolean changes(Participant who, boolean online) {
        return online ? knownOnline.add(who.key()) : knownOnline.remove(who.key()) || !who.isLocal();
    }

    /** How many users are known to be online. */
    int tracked() {
        return knownOnline.size();
    }

    /** Tells the hosts of the account's remote subscriptions again, in case one restarted and forgot. */
    private void subscribeAgain(Account account) {
        community.contacts().get(account, ListKind.FRIENDS).thenAccept(list -> remoteTargets(list.entries()).forEach(t ->
                peers.post(t.host(), new PresenceSubscribe(peers.host(), peers.newMessageId(), account.name(), t.user()))));
    }

    List<Target> remoteTargets(List<String> entries) {
        return entries.stream().flatMap(e -> Target.parse(e, peers.host()).stream()).filter(Target::isRemote).toList();
    }
}
