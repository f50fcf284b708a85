package org.confab.server.vcom;

import java.util.List;
import java.util.stream.Collectors;
import org.confab.server.capability.Capability;
import org.confab.server.room.Room;
import org.confab.server.room.Rooms;

/**
 * How users learn a room's vCom group id, which vCom clients address group messages with:
 * the DMconnect capability command {@code /vcom-groups}.
 */
public final class GroupsCapability {

    private GroupsCapability() {
    }

    public static Capability create(Rooms rooms) {
        return new Capability("vcom", List.of(new Capability.Command("groups", "",
                "lists each room with its vCom group id", (arguments, caller) -> {
                    caller.reply("vCom groups: " + rooms.names().stream()
                            .map(name -> name + "=" + rooms.find(name).map(Room::id).map(String::valueOf).orElse("?"))
                            .collect(Collectors.joining(", ")));
                    return null;
                })));
    }
}
