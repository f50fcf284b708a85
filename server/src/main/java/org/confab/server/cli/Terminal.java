package org.confab.server.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;

/** Where the command line reads and writes; {@code console} is null when there is no terminal to prompt on. */
public record Terminal(InputStream in, PrintStream out, PrintStream err, Console console) {

    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err, System.console());
    }
}
