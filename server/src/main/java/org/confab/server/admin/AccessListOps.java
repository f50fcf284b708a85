package org.confab.server.admin;

import java.util.List;
import java.util.Locale;
import org.confab.server.account.Names;
import org.confab.server.community.Community;
import org.confab.storage.AccessEntry;
import org.confab.storage.AccessListKind;
import org.confab.storage.EntryType;
import org.confab.storage.IpRange;
import org.confab.storage.Store;

/**
 * The whitelist, the blacklist and whitelist mode. Every change is applied to the people already
 * connected at once: whoever the lists no longer admit is told why and disconnected.
 */
final class AccessListOps {

    enum Switch { ON, OFF, STATUS }

    record Change(String list, String type, String value, boolean changed, int disconnected) {
    }

    record Entry(String type, String value, String added) {
    }

    record WhitelistMode(boolean on, int disconnected) {
    }

    private final Store store;
    private final Community community;

    AccessListOps(Store store, Community community) {
        this.store = store;
        this.community = community;
    }

    List<Operation> operations() {
        return List.of(
                Operation.anyMode("whitelist.add", args -> add(AccessListKind.WHITELIST, args)),
                Operation.anyMode("whitelist.remove", args -> remove(AccessListKind.WHITELIST, args)),
                Operation.anyMode("whitelist.list", args -> list(AccessListKind.WHITELIST)),
                Operation.anyMode("whitelist.mode", this::mode),
                Operation.anyMode("blacklist.add", args -> add(AccessListKind.BLACKLIST, args)),
                Operation.anyMode("blacklist.remove", args -> remove(AccessListKind.BLACKLIST, args)),
                Operation.anyMode("blacklist.list", args -> list(AccessListKind.BLACKLIST)));
    }

    private AdminReply add(AccessListKind list, Args args) {
        EntryType type = args.choice("type", EntryType.class);
        String value = canonical(type, args.required("value"));
        boolean added = store.accessLists().add(list, type, value);
        int disconnected = enforce();
        String done = added
                ? "Added " + what(type, value) + " to the " + label(list) + "."
                : "Already on the " + label(list) + ": " + what(type, value) + ".";
        return AdminReply.of(new Change(label(list), label(type), value, added, disconnected),
                AdminReply.withDisconnected(done, disconnected));
    }

    private AdminReply remove(AccessListKind list, Args args) {
        EntryType type = args.choice("type", EntryType.class);
        String value = canonical(type, args.required("value"));
        if (!store.accessLists().remove(list, type, value)) {
            throw AdminException.failed("Not on the " + label(list) + ": " + what(type, value) + ".");
        }
        int disconnected = enforce();
        return AdminReply.of(new Change(label(list), label(type), value, true, disconnected),
                AdminReply.withDisconnected("Removed " + what(type, value) + " from the " + label(list) + ".", disconnected));
    }

    private AdminReply list(AccessListKind list) {
        List<AccessEntry> entries = store.accessLists().list(list);
        List<List<String>> rows = entries.stream()
                .map(e -> List.of(label(e.type()), e.value(), Table.human(e.addedAt()))).toList();
        return AdminReply.of(entries.stream().map(e -> new Entry(label(e.type()), e.value(), Table.iso(e.addedAt()))).toList(),
                Table.of(List.of("TYPE", "VALUE", "ADDED"), rows, "The " + label(list) + " is empty."));
    }

    private AdminReply mode(Args args) {
        var admission = community.accounts().admission();
        Switch wanted = args.choice("state", Switch.class);
        int disconnected = 0;
        if (wanted != Switch.STATUS) {
            admission.whitelistMode(wanted == Switch.ON);
            disconnected = enforce();
        }
        String state = admission.whitelistMode()
                ? "Whitelist mode is on: only whitelisted users and addresses may connect."
                : "Whitelist mode is off: everyone not blacklisted may connect.";
        return AdminReply.of(new WhitelistMode(admission.whitelistMode(), disconnected),
                AdminReply.withDisconnected(state, disconnected));
    }

    /** Whom the lists no longer admit, disconnected; none while the server is stopped. */
    private int enforce() {
        return AdminOperations.await(community.enforceAccess());
    }

    /**
     * The value as the lists keep it (a user in lower case, a range in canonical form), so that the
     * reply shows what was stored. Users are checked against the account name rules here, as the
     * store accepts any text.
     */
    private static String canonical(EntryType type, String value) {
        return switch (type) {
            case IP -> IpRange.parse(value).toString();
            case USER -> {
                if (!Names.isValid(value)) {
                    throw AdminException.usage("invalid user name '" + value + "': use 1-32 letters, digits, '_', '-' or '.'");
                }
                yield Names.key(value);
            }
        };
    }

    private static String what(EntryType type, String value) {
        return (type == EntryType.IP ? "IP " : "user ") + value;
    }

    private static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
