package org.confab.server.cli;

import org.confab.server.admin.AdminRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "whitelist", description = {"Users and IP addresses or ranges admitted in whitelist mode.",
    "In whitelist mode a client may connect only if its account or its address is on the whitelist "
            + "(and neither is blacklisted). Add the entries first: turning the mode on disconnects everyone else."})
final class WhitelistCommand extends AccessListCommand {

    /** The argument of {@code whitelist mode}. */
    enum Mode { ON, OFF, STATUS }

    WhitelistCommand() {
        super("whitelist");
    }

    @Command(name = "mode", description = "Turn whitelist mode on or off, or show whether it is on.")
    int mode(@Parameters(paramLabel = "on|off|status", description = "on, off or status") Mode mode) {
        return admin.send(() -> AdminRequest.of("whitelist.mode", "state", mode.name()));
    }
}
