package org.confab.server.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.confab.server.ConfabServer;
import org.confab.storage.Store;

/** The server as a whole: how it is, a consistent backup of its database, and stopping it. */
final class ServerOps {

    record Status(String version, boolean running, String host, Map<String, Integer> ports, String dataDir,
                  int schemaVersion, long accounts, int rooms, int sessions, boolean whitelistMode) {
    }

    record Backup(String file, long bytes) {
    }

    record Stopped(boolean stopped) {
    }

    private final ConfabServer server;
    private final boolean running;

    ServerOps(ConfabServer server, boolean running) {
        this.server = server;
        this.running = running;
    }

    List<Operation> operations() {
        return List.of(
                Operation.anyMode("status", args -> status()),
                Operation.anyMode("backup", this::backup),
                Operation.serverOnly("stop", args -> stop()));
    }

    private AdminReply status() {
        Store store = server.store();
        Status s = new Status(ConfabServer.version(), running, server.config().serverHost(),
                running ? server.ports() : Map.of(), server.config().dataDir().toAbsolutePath().toString(),
                store.schemaVersion(), store.accounts().count(), store.rooms().list().size(),
                server.community().sessions().count(), server.community().accounts().admission().whitelistMode());
        List<String> lines = new ArrayList<>(List.of(
                "Confab " + s.version() + (running ? ", running as " : ", stopped; host ") + s.host()));
        if (running) {
            lines.add("Ports:          " + s.ports().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
        }
        lines.addAll(List.of(
                "Data:           " + s.dataDir() + " (schema version " + s.schemaVersion() + ")",
                "Accounts:       " + s.accounts(),
                "Rooms:          " + s.rooms(),
                "Sessions:       " + s.sessions(),
                "Whitelist mode: " + (s.whitelistMode() ? "on" : "off")));
        return AdminReply.of(s, lines);
    }

    /** H2's BACKUP TO: a transactionally consistent copy while clients keep writing. */
    private AdminReply backup(Args args) {
        Path file = Path.of(args.required("file"));
        if (!file.isAbsolute()) {
            throw AdminException.usage("the backup file must be an absolute path, got '" + file + "'");
        }
        if (Files.exists(file)) {
            throw AdminException.failed(file + " already exists; choose a new file name.");
        }
        server.store().backup(file);
        long bytes = file.toFile().length();
        return AdminReply.of(new Backup(file.toString(), bytes), "Backed up the database to " + file + " (" + bytes + " bytes).");
    }

    /** Returns once the server is closed; the channel then sends this reply and the process ends. */
    private AdminReply stop() {
        server.close();
        return AdminReply.of(new Stopped(true), "Confab stopped.");
    }
}
