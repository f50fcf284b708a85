package org.confab.server.cli;

import picocli.CommandLine.Command;

@Command(name = "blacklist", description = {"Users and IP addresses or ranges that may not connect, on any protocol.",
    "Adding an entry disconnects the matching sessions at once, each told why."})
final class BlacklistCommand extends AccessListCommand {

    BlacklistCommand() {
        super("blacklist");
    }
}
