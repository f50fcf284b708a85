package org.confab.bench;

import org.confab.bench.cli.Commands;
import picocli.CommandLine;

/** {@code confab-bench}: Confab's load generator and benchmark. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(Commands.commandLine().execute(args));
    }
}
