package org.confab.server.admin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Aligned columns for the human-readable replies; times to the second, in UTC. */
final class Table {

    private Table() {
    }

    static List<String> of(List<String> header, List<List<String>> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            return List.of(whenEmpty);
        }
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length()));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** ISO-8601 for scripts; null stays null (never, or not known). */
    static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    static String human(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
