package org.confab.server.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.confab.server.account.Names;
import org.confab.server.account.PasswordHasher;
import org.confab.server.community.Community;
import org.confab.server.session.Session;
import org.confab.storage.AccountRecord;
import org.confab.storage.DeviceRecord;
import org.confab.storage.RoomRecord;
import org.confab.storage.Store;

/**
 * Accounts as an administrator manages them: created without the registration checks (open
 * registration, access lists), deleted with their sessions ended at once.
 */
final class AccountOps {

    record Summary(long id, String name, String created, String lastSeen, int sessions, boolean banned) {
    }

    record Device(int id, String created, String lastSeen) {
    }

    record Detail(long id, String name, String created, String lastSeen, boolean banned, List<String> rooms,
                  List<Device> devices, List<LiveSession> sessions) {
    }

    record Done(String name, int disconnected) {
    }

    private final Store store;
    private final Community community;
    private final PasswordHasher hasher;

    AccountOps(Store store, Community community, PasswordHasher hasher) {
        this.store = store;
        this.community = community;
        this.hasher = hasher;
    }

    List<Operation> operations() {
        return List.of(
                Operation.anyMode("accounts.list", args -> list()),
                Operation.anyMode("accounts.create", this::create),
                Operation.anyMode("accounts.delete", this::delete),
                Operation.anyMode("accounts.reset-password", this::resetPassword),
                Operation.anyMode("accounts.show", this::show));
    }

    private AdminReply list() {
        Set<String> banned = store.bans().list().stream().map(b -> Names.key(b.accountName())).collect(Collectors.toSet());
        List<AccountRecord> records = store.accounts().list();
        List<Summary> accounts = records.stream().map(a -> new Summary(a.id(), a.name(), Table.iso(a.createdAt()),
                Table.iso(a.lastSeen()), sessionsOf(a.name()).size(), banned.contains(Names.key(a.name())))).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            AccountRecord a = records.get(i);
            rows.add(List.of(a.name(), Table.human(a.createdAt()), Table.human(a.lastSeen()),
                    Integer.toString(accounts.get(i).sessions()), accounts.get(i).banned() ? "banned" : ""));
        }
        return AdminReply.of(accounts, Table.of(List.of("NAME", "CREATED", "LAST SEEN", "SESSIONS", "BANNED"), rows,
                "No accounts."));
    }

    private AdminReply create(Args args) {
        String name = args.required("name");
        if (!Names.isValid(name)) {
            throw AdminException.usage("invalid account name '" + name + "': use 1-32 letters, digits, '_', '-' or '.'");
        }
        String hash = hasher.hash(password(args));
        AccountRecord created = store.accounts().create(name, hash)
                .orElseThrow(() -> AdminException.failed("An account named '" + name + "' already exists."));
        return AdminReply.of(new Done(created.name(), 0), "Created account " + created.name() + ".");
    }

    private AdminReply delete(Args args) {
        AccountRecord account = find(args.required("name"));
        int disconnected = 0;
        // Sessions first, so that nothing more is delivered to an account that is going away.
        for (Session s : sessionsOf(account.name())) {
            if (community.kick(s.id())) {
                disconnected++;
            }
        }
        store.accounts().delete(account.name());
        return AdminReply.of(new Done(account.name(), disconnected),
                AdminReply.withDisconnected("Deleted account " + account.name() + ".", disconnected));
    }

    private AdminReply resetPassword(Args args) {
        AccountRecord account = find(args.required("name"));
        store.accounts().updatePasswordHash(account.name(), hasher.hash(password(args)));
        return AdminReply.of(new Done(account.name(), 0), "Changed the password of " + account.name() + ".");
    }

    private AdminReply show(Args args) {
        AccountRecord a = find(args.required("name"));
        boolean banned = store.bans().isBanned(a.name());
        List<String> rooms = store.memberships().roomsOf(a.id()).stream()
                .map(id -> store.rooms().findById(id).map(RoomRecord::name).orElse("#" + id)).toList();
        List<DeviceRecord> devices = store.devices().list(a.id());
        List<LiveSession> sessions = LiveSession.of(sessionsOf(a.name()));
        List<String> lines = new ArrayList<>(List.of(
                "Account:   " + a.name() + " (id " + a.id() + ")",
                "Created:   " + Table.human(a.createdAt()),
                "Last seen: " + (sessions.isEmpty() ? Table.human(a.lastSeen()) : "online now"),
                "Banned:    " + (banned ? "yes" : "no"),
                "Rooms:     " + (rooms.isEmpty() ? "-" : String.join(", ", rooms)),
                "Devices (vCom):"));
        indented(lines, Table.of(List.of("ID", "CREATED", "LAST SEEN"), devices.stream().map(d -> List.of(
                Integer.toString(d.id()), Table.human(d.createdAt()), Table.human(d.lastSeen()))).toList(), "none"));
        lines.add("Sessions:");
        indented(lines, LiveSession.table(sessions, "none"));
        return AdminReply.of(new Detail(a.id(), a.name(), Table.iso(a.createdAt()), Table.iso(a.lastSeen()), banned,
                rooms, devices.stream().map(d -> new Device(d.id(), Table.iso(d.createdAt()), Table.iso(d.lastSeen())))
                .toList(), sessions), lines);
    }

    private static void indented(List<String> lines, List<String> block) {
        block.forEach(l -> lines.add("  " + l));
    }

    private AccountRecord find(String name) {
        return store.accounts().findByName(name)
                .orElseThrow(() -> AdminException.failed("No account named '" + name + "'."));
    }

    private List<Session> sessionsOf(String name) {
        return community.sessions().of(Names.key(name));
    }

    private static String password(Args args) {
        String password = args.optional(AdminRequest.PASSWORD);
        if (password == null || password.isEmpty()) {
            throw AdminException.usage("the password must not be empty");
        }
        return password;
    }
}
