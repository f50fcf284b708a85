package org.confab.server.cli;

import org.confab.server.admin.AdminRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "rooms", description = "Rooms: DMconnect's servers and vCom's groups (the group id is the room's number).")
final class RoomsCommand {

    @ParentCommand
    AdminCommand admin;

    @Command(name = "list", description = "List the rooms with their vCom group id, stored members and who is present now.")
    int list() {
        return admin.send(() -> AdminRequest.of("rooms.list"));
    }

    @Command(name = "create", description = "Create a room.")
    int create(@Parameters(paramLabel = "NAME", description = "1-32 letters, digits, '_', '-' or '.'") String name) {
        return admin.send(() -> AdminRequest.of("rooms.create", "name", name));
    }

    @Command(name = "delete", description = "Delete a room; whoever is in it is told and leaves it. The default room stays.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        return admin.send(() -> AdminRequest.of("rooms.delete", "name", name));
    }
}
