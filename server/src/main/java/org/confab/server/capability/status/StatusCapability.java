package org.confab.server.capability.status;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.confab.server.account.Account;
import org.confab.server.account.Names;
import org.confab.server.capability.Capability;
import org.confab.server.capability.Target;
import org.confab.server.community.Community;
import org.confab.server.contacts.Contacts;
import org.confab.server.federation.Peers;
import org.confab.storage.ListKind;
import org.confab.text.Replies;
import org.confab.text.federation.ErrorResponse;
import org.confab.text.federation.OkResponse;
import org.confab.text.federation.OnlineMapResponse;
import org.confab.text.federation.PresenceSubscribe;
import org.confab.text.federation.PresenceUnsubscribe;
import org.confab.text.federation.StatusRequest;

/**
 * DMCD's {@code status} capability. Subscriptions are the account's friend list (vCom's
 * friendlist); a subscription to a user of another host is also registered there, so that host
 * sends updates. Unlike DMCD, a user that does not exist cannot be subscribed to.
 */
public final class StatusCapability {

    public static final String NAME = "status";

    private final Community community;
    private final Peers peers;
    private final PresenceNotices notices;

    private StatusCapability(Community community, Peers peers, PresenceNotices notices) {
        this.community = community;
        this.peers = peers;
        this.notices = notices;
    }

    public static Capability create(Community community, Peers peers, PresenceNotices notices) {
        StatusCapability status = new StatusCapability(community, peers, notices);
        String host = peers.host();
        return new Capability(NAME, List.of(
                new Capability.Command("check", Replies.USERNAME_ARGUMENT, Replies.STATUS_CHECK,
                        Target.handler(NAME, "check", host, status::check)),
                new Capability.Command("sub-add", Replies.USERNAME_ARGUMENT, Replies.STATUS_SUB_ADD,
                        Target.handler(NAME, "sub-add", host, status::subscribe)),
                new Capability.Command("sub-del", Replies.USERNAME_ARGUMENT, Replies.STATUS_SUB_DEL,
                        Target.handler(NAME, "sub-del", host, status::unsubscribe)),
                new Capability.Command("sub-list", "", Replies.STATUS_SUB_LIST, (arguments, caller) -> status.list(caller)),
                new Capability.Command("sub-clear", "", Replies.STATUS_SUB_CLEAR, (arguments, caller) -> status.clear(caller))));
    }

    /** A user of another host is asked about; no answer means offline, as in DMCD. */
    private CompletionStage<?> check(Target target, Capability.Caller caller) {
        if (!target.isRemote()) {
            caller.reply(Replies.presence(target.user(), community.sessions().isOnline(Names.key(target.user()))));
            return null;
        }
        return peers.quickCall(target.host(), new StatusRequest(peers.host(), null, List.of(target.user())))
                .handle((answer, error) -> answer instanceof OnlineMapResponse online
                        && Boolean.TRUE.equals(online.onlineMap().get(target.user())))
                .thenAccept(online -> caller.reply(Replies.presence(target.entry(), online)));
    }

    private CompletionStage<?> subscribe(Target target, Capability.Caller caller) {
        Account me = caller.session().account();
        if (target.is(me)) {
            caller.reply(Replies.CANNOT_SUBSCRIBE_TO_SELF);
            return null;
        }
        Contacts contacts = community.contacts();
        return contacts.get(me, ListKind.FRIENDS).thenCompose(list -> {
            if (list.entries().contains(Contacts.entryKey(target.entry()))) {
                caller.reply(Replies.alreadySubscribed(target.entry()));
                return CompletableFuture.completedFuture(null);
            }
            return exists(target, me).thenCompose(exists -> {
                if (!exists) {
                    caller.reply(Replies.USER_DOES_NOT_EXIST);
                    return CompletableFuture.completedFuture(null);
                }
                return contacts.add(me, ListKind.FRIENDS, target.entry()).thenRun(() -> caller.reply(Replies.subscribed(target.entry())));
            });
        });
    }

    /** A user of another host exists when its host accepts the subscription. */
    private CompletionStage<Boolean> exists(Target target, Account me) {
        if (!target.isRemote()) {
            return community.accounts().find(target.user()).thenApply(found -> found.isPresent());
        }
        return peers.call(target.host(), new PresenceSubscribe(peers.host(), peers.newMessageId(), me.name(), target.user()))
                .handle((answer, error) -> answer instanceof OkResponse);
    }

    private CompletionStage<?> unsubscribe(Target target, Capability.Caller caller) {
        Account me = caller.session().account();
        return community.contacts().remove(me, ListKind.FRIENDS, target.entry()).thenCompose(removed -> {
            if (!removed) {
                caller.reply(Replies.notSubscribed(target.entry()));
                return CompletableFuture.completedFuture(null);
            }
            caller.reply(Replies.unsubscribed(target.entry()));
            if (!target.isRemote()) {
                return CompletableFuture.completedFuture(null);
            }
            return peers.call(target.host(), new PresenceUnsubscribe(peers.host(), peers.newMessageId(), me.name(), target.user()))
                    .handle((answer, error) -> {
                        if (error != null) {
                            caller.reply(Replies.REMOTE_UNSUBSCRIBE_NO_RESPONSE);
                        } else if (answer instanceof ErrorResponse refused) {
                            caller.reply(Replies.remoteUnsubscribeFailed(refused.reason()));
                        }
                        return null;
                    });
        });
    }

    private CompletionStage<?> list(Capability.Caller caller) {
        return community.contacts().get(caller.session().account(), ListKind.FRIENDS).thenAccept(list -> caller.reply(
                Replies.subscriptions(list.entries().stream().sorted(Comparator.comparing(Contacts::entryKey)).toList())));
    }

    /** The hosts of remote subscriptions are told, without waiting for them. */
    private CompletionStage<?> clear(Capability.Caller caller) {
        Account me = caller.session().account();
        Contacts contacts = community.contacts();
        return contacts.get(me, ListKind.FRIENDS).thenCompose(list -> {
            notices.remoteTargets(list.entries()).forEach(t -> peers.post(t.host(),
                    new PresenceUnsubscribe(peers.host(), peers.newMessageId(), me.name(), t.user())));
            return contacts.clear(me, ListKind.FRIENDS);
        }).thenRun(() -> caller.reply(Replies.SUBSCRIPTIONS_CLEARED));
    }
}
