package org.confab.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A done admin request: lines for a person to read, and the same facts as data for scripts. */
public record AdminReply(List<String> lines, JsonNode data) {

    public AdminReply {
        lines = List.copyOf(lines);
    }

    /** {@code data} is a record (or list, map) that becomes the JSON of --json output. */
    static AdminReply of(Object data, List<String> lines) {
        return new AdminReply(lines, AdminWire.tree(data));
    }

    static AdminReply of(Object data, String... lines) {
        return of(data, List.of(lines));
    }

    /** The line saying what was done, and one saying how many sessions it ended, if any. */
    static List<String> withDisconnected(String line, int disconnected) {
        return disconnected == 0 ? List.of(line)
                : List.of(line, "Disconnected " + disconnected + (disconnected == 1 ? " session." : " sessions."));
    }
}
