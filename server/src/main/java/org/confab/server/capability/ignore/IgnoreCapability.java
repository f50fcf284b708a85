package org.confab.server.capability.ignore;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.confab.server.account.Account;
import org.confab.server.capability.Capability;
import org.confab.server.capability.Target;
import org.confab.server.contacts.Contacts;
import org.confab.storage.ListKind;
import org.confab.text.Replies;

/**
 * DMCD's {@code ignore} capability. The ignore list is the account's block list, which vCom's
 * blocklist shares; room lines, notices and private messages from anyone on it are not delivered.
 */
public final class IgnoreCapability {

    public static final String NAME = "ignore";

    private final Contacts contacts;
    private final String ourHost;

    private IgnoreCapability(Contacts contacts, String ourHost) {
        this.contacts = contacts;
        this.ourHost = ourHost;
    }

    public static Capability create(Contacts contacts, String ourHost) {
        IgnoreCapability ignore = new IgnoreCapability(contacts, ourHost);
        return new Capability(NAME, List.of(
                new Capability.Command("add", Replies.USERNAME_ARGUMENT, Replies.IGNORE_ADD,
                        Target.handler(NAME, "add", ourHost, ignore::add)),
                new Capability.Command("del", Replies.USERNAME_ARGUMENT, Replies.IGNORE_DEL,
                        Target.handler(NAME, "del", ourHost, ignore::del)),
                new Capability.Command("list", "", Replies.IGNORE_LIST, (arguments, caller) -> ignore.list(caller)),
                new Capability.Command("clear", "", Replies.IGNORE_CLEAR, (arguments, caller) -> ignore.clear(caller))));
    }

    /** Adding a user already on the list is no error, as in DMCD. */
    private CompletionStage<?> add(Target target, Capability.Caller caller) {
        Account me = caller.session().account();
        if (target.is(me)) {
            caller.reply(Replies.CANNOT_IGNORE_SELF);
            return null;
        }
        return contacts.add(me, ListKind.BLOCKED, target.entry()).thenRun(() -> caller.reply(Replies.ignoring(target.entry())));
    }

    private CompletionStage<?> del(Target target, Capability.Caller caller) {
        return contacts.remove(caller.session().account(), ListKind.BLOCKED, target.entry()).thenAccept(removed -> caller.reply(
                removed ? Replies.stoppedIgnoring(target.entry()) : Replies.notIgnored(target.entry())));
    }

    private CompletionStage<?> list(Capability.Caller caller) {
        return contacts.get(caller.session().account(), ListKind.BLOCKED)
                .thenAccept(list -> caller.reply(Replies.ignoreList(list.entries())));
    }

    private CompletionStage<?> clear(Capability.Caller caller) {
        Account me = caller.session().account();
        return contacts.get(me, ListKind.BLOCKED).thenCompose(list -> {
            if (list.entries().isEmpty()) {
                caller.reply(Replies.IGNORE_LIST_ALREADY_EMPTY);
                return CompletableFuture.completedFuture(null);
            }
            return contacts.clear(me, ListKind.BLOCKED).thenRun(() -> caller.reply(Replies.IGNORE_LIST_CLEARED));
        });
    }
}
