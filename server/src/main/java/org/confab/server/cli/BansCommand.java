package org.confab.server.cli;

import org.confab.server.admin.AdminRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bans", description = "Banned accounts: the same bans as DMconnect's /ban. A banned account cannot log in.")
final class BansCommand {

    @ParentCommand
    AdminCommand admin;

    @Command(name = "add", description = "Ban an account; its sessions are told and disconnected at once.")
    int add(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--reason", paramLabel = "TEXT", description = "Kept with the ban, shown by 'bans list'.") String reason) {
        return admin.send(() -> AdminRequest.of("bans.add", "name", name, "reason", reason));
    }

    @Command(name = "remove", description = "Lift a ban.")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        return admin.send(() -> AdminRequest.of("bans.remove", "name", name));
    }

    @Command(name = "list", description = "List the bans, oldest first.")
    int list() {
        return admin.send(() -> AdminRequest.of("bans.list"));
    }
}
