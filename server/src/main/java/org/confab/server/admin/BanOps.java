package org.confab.server.admin;

import java.util.List;
import org.confab.server.community.Community;
import org.confab.storage.BanRecord;
import org.confab.storage.Store;

/** The bans DMconnect's {@code /ban} gives: the account may not log in, and its sessions end at once. */
final class BanOps {

    record Ban(String name, String reason, String at, String by) {
    }

    private final Store store;
    private final Community community;

    BanOps(Store store, Community community) {
        this.store = store;
        this.community = community;
    }

    List<Operation> operations() {
        return List.of(
                Operation.anyMode("bans.add", this::add),
                Operation.anyMode("bans.remove", this::remove),
                Operation.anyMode("bans.list", args -> list()));
    }

    private AdminReply add(Args args) {
        String name = args.required("name");
        String reason = args.optional("reason");
        String by = "admin:" + args.operator();
        Community.BanOutcome outcome = AdminOperations.await(
                community.ban(name, reason == null ? "banned by the administrator" : reason, by));
        if (outcome == Community.BanOutcome.NO_SUCH_USER) {
            throw AdminException.failed("No account named '" + name + "'.");
        }
        return AdminReply.of(new Ban(name, reason, null, by), "Banned " + name + "; their sessions are closed.");
    }

    private AdminReply remove(Args args) {
        String name = args.required("name");
        if (!store.bans().unban(name)) {
            throw AdminException.failed("Not banned: " + name + ".");
        }
        return AdminReply.of(new Ban(name, null, null, null), "Lifted the ban on " + name + ".");
    }

    private AdminReply list() {
        List<BanRecord> bans = store.bans().list();
        return AdminReply.of(bans.stream().map(b -> new Ban(b.accountName(), b.reason(), Table.iso(b.at()), b.by())).toList(),
                Table.of(List.of("NAME", "SINCE", "BY", "REASON"), bans.stream().map(b -> List.of(b.accountName(),
                        Table.human(b.at()), b.by(), Table.orDash(b.reason()))).toList(), "Nobody is banned."));
    }
}
