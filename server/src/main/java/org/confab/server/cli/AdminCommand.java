package org.confab.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.confab.server.Main;
import org.confab.server.admin.AdminException;
import org.confab.server.admin.AdminReply;
import org.confab.server.admin.AdminRequest;
import org.confab.server.admin.AdminWire;
import org.confab.server.config.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code confab admin}: every administrative command, and how each reaches the server or its database. */
@Command(name = "admin",
        description = {
            "Manage a Confab server: who may connect, accounts, bans, rooms, who is online, broadcasts, backups.",
            "",
            "While the server runs, each command goes through its admin channel (127.0.0.1, admin.port, "
                    + "authenticated by DATA_DIR/admin.secret) and takes effect at once: blacklisting, banning "
                    + "or deleting an account disconnects the sessions concerned. While it is stopped, the "
                    + "same commands edit the database directly. A line on standard error says which."},
        subcommands = {WhitelistCommand.class, BlacklistCommand.class, AccountsCommand.class, BansCommand.class,
            RoomsCommand.class, SessionsCommand.class},
        footer = {"", "Exit codes: 0 done; 1 failed (refused, not found, server not running when it must be); "
                + "2 usage (bad command line or value)."})
public final class AdminCommand implements Runnable {

    @ParentCommand
    Main main;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the result as one JSON object on standard output, for scripts.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", scope = ScopeType.INHERIT,
            description = "How long to wait for the running server's reply (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: see 'confab admin --help'");
    }

    @Command(name = "broadcast", description = "Send a message to everyone connected (DMconnect: a line; vCom: packet 263).")
    int broadcast(@Parameters(paramLabel = "TEXT", arity = "1..*", description = "The message; the words are joined by spaces.")
                  List<String> words) {
        return send(() -> AdminRequest.of("broadcast", "text", String.join(" ", words)));
    }

    @Command(name = "backup", description = {"Write a consistent copy of the database to a new zip file, while "
            + "clients keep using the server. Restore it, with the server stopped, with",
        "  java -cp 'lib/*' org.h2.tools.Restore -file FILE -dir DATA_DIR -db confab"})
    int backup(@Parameters(paramLabel = "FILE", description = "The zip to write; it must not exist yet.") Path file) {
        return send(() -> AdminRequest.of("backup", "file", file.toAbsolutePath().normalize().toString()));
    }

    @Command(name = "status", description = "Version, ports, data directory, and how many accounts, rooms and sessions.")
    int status() {
        return send(() -> AdminRequest.of("status"));
    }

    Terminal terminal() {
        return main.terminal();
    }

    /**
     * Carries a request out on the running server, or else on the database, and prints the
     * result; returns the exit code. The request is built after the configuration is read, as
     * building it may ask for a password.
     */
    int send(Supplier<AdminRequest> request) {
        Terminal t = terminal();
        ServerConfig config = configOptions.load();
        String mode = null;
        try {
            AdminRequest r = request.get();
            try (AdminTarget target = AdminTarget.find(config, Duration.ofSeconds(timeoutSeconds))) {
                mode = target.mode();
                t.err().println(target.description());
                print(t, mode, target.execute(r));
                return 0;
            }
        } catch (AdminException e) {
            return fail(t, mode, e);
        } catch (IOException e) {
            return fail(t, mode, AdminException.failed("cannot reach the admin port " + config.adminPort() + ": " + e.getMessage()));
        }
    }

    private void print(Terminal t, String mode, AdminReply reply) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("mode", mode);
            out.put("result", reply.data());
            t.out().println(AdminWire.json(out));
        } else {
            reply.lines().forEach(t.out()::println);
        }
    }

    private int fail(Terminal t, String mode, AdminException e) {
        t.err().println("confab: " + e.getMessage());
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", false);
            out.put("mode", mode);
            out.put("error", e.kind().name().toLowerCase(Locale.ROOT));
            out.put("message", e.getMessage());
            t.out().println(AdminWire.json(out));
        }
        return e.kind() == AdminException.Kind.USAGE ? 2 : 1;
    }
}
