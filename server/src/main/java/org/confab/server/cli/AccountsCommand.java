package org.confab.server.cli;

import org.confab.server.admin.AdminRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "accounts", description = "The accounts every protocol logs in with.")
final class AccountsCommand {

    private static final String PASSWORD_SOURCES = "The password is asked for twice on a terminal, or read as the "
            + "first line of standard input: printf '%s\\n' \"$PW\" | confab admin accounts ...";

    @ParentCommand
    AdminCommand admin;

    @Command(name = "list", description = "List every account: created, last seen, sessions now, banned.")
    int list() {
        return admin.send(() -> AdminRequest.of("accounts.list"));
    }

    @Command(name = "create", description = {"Create an account, whether or not registration is open.", PASSWORD_SOURCES})
    int create(@Parameters(paramLabel = "NAME", description = "1-32 letters, digits, '_', '-' or '.'") String name,
               @Option(names = "--insecure-password", paramLabel = "PASSWORD",
                       description = "Take the password from the command line, where shell history and ps can see it.")
               String password) {
        return admin.send(() -> AdminRequest.of("accounts.create", "name", name,
                AdminRequest.PASSWORD, Passwords.read(admin.terminal(), name, password)));
    }

    @Command(name = "delete", description = "Delete an account with its devices, lists and stored messages; "
            + "its sessions are disconnected at once.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        return admin.send(() -> AdminRequest.of("accounts.delete", "name", name));
    }

    @Command(name = "reset-password", description = {"Set a new password for an account.", PASSWORD_SOURCES})
    int resetPassword(@Parameters(paramLabel = "NAME") String name,
                      @Option(names = "--insecure-password", paramLabel = "PASSWORD",
                              description = "Take the password from the command line, where shell history and ps can see it.")
                      String password) {
        return admin.send(() -> AdminRequest.of("accounts.reset-password", "name", name,
                AdminRequest.PASSWORD, Passwords.read(admin.terminal(), name, password)));
    }

    @Command(name = "show", description = "Show one account: created, last seen, banned, rooms, vCom devices, sessions.")
    int show(@Parameters(paramLabel = "NAME") String name) {
        return admin.send(() -> AdminRequest.of("accounts.show", "name", name));
    }
}
