package org.confab.server.cli;

import org.confab.server.admin.AdminException;
import org.confab.server.admin.AdminRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "sessions", description = "Who is connected now, on every protocol.")
final class SessionsCommand {

    @ParentCommand
    AdminCommand admin;

    @Command(name = "list", description = "List the sessions: id, account, protocol, remote address, room, since.")
    int list() {
        return admin.send(() -> AdminRequest.of("sessions.list"));
    }

    @Command(name = "kick", description = "Disconnect a session (it is told by whom), or every session of an account.")
    int kick(@Parameters(paramLabel = "ID", arity = "0..1", description = "A session id from 'sessions list'.") Long id,
             @Option(names = "--account", paramLabel = "NAME", description = "Every session of this account instead.")
             String account) {
        return admin.send(() -> {
            if ((id == null) == (account == null)) {
                throw AdminException.usage("give either a session ID or --account NAME");
            }
            return AdminRequest.of("sessions.kick", "id", id == null ? null : id.toString(), "account", account);
        });
    }
}
