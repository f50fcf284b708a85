package org.confab.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.confab.server.admin.AdminException;

/**
 * A new password, never from the command line unless the operator insists: asked twice on the
 * terminal, or read as the first line of standard input (for scripts: {@code ... | confab admin ...}).
 */
final class Passwords {

    private Passwords() {
    }

    static String read(Terminal terminal, String name, String fromArgument) {
        if (fromArgument != null) {
            return fromArgument;
        }
        if (terminal.console() != null) {
            char[] first = terminal.console().readPassword("New password for %s: ", name);
            char[] second = first == null ? null : terminal.console().readPassword("Again: ");
            if (second == null || !Arrays.equals(first, second)) {
                throw AdminException.usage("the two passwords differ");
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw AdminException.usage("no password on standard input (give it as its first line)");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
