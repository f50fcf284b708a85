package org.confab.server.cli;

import org.confab.server.admin.AdminRequest;
import org.confab.storage.EntryType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** What the whitelist and the blacklist have in common: entries of users and of IP addresses or ranges. */
abstract class AccessListCommand {

    @ParentCommand
    AdminCommand admin;

    private final String list;

    AccessListCommand(String list) {
        this.list = list;
    }

    @Command(name = "add", description = "Add a user or an IP address or CIDR range to the ${PARENT-COMMAND-NAME}; "
            + "it applies at once to everyone connected.")
    int add(@Parameters(index = "0", paramLabel = "TYPE", description = "user or ip") EntryType type,
            @Parameters(index = "1", paramLabel = "VALUE", description = "An account name, or an IPv4 or IPv6 address "
                    + "or CIDR range: 203.0.113.7, 10.0.0.0/8, 2001:db8::/32.") String value) {
        return admin.send(() -> AdminRequest.of(list + ".add", "type", type.name(), "value", value));
    }

    @Command(name = "remove", description = "Remove an entry from the ${PARENT-COMMAND-NAME}.")
    int remove(@Parameters(index = "0", paramLabel = "TYPE", description = "user or ip") EntryType type,
               @Parameters(index = "1", paramLabel = "VALUE", description = "The entry, as added (any spelling of the same address or range).")
               String value) {
        return admin.send(() -> AdminRequest.of(list + ".remove", "type", type.name(), "value", value));
    }

    @Command(name = "list", description = "List the entries of the ${PARENT-COMMAND-NAME}, oldest first.")
    int list() {
        return admin.send(() -> AdminRequest.of(list + ".list"));
    }
}
