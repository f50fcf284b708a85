package org.confab.bench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code compare WORKLOAD ...}: the floor and Confab, alternately, N times each; medians and ratios. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run a workload against the floor and against Confab, alternately, --runs times each; print medians and Confab/floor ratios.")
final class CompareCommand implements Runnable {

    @Option(names = "--runs", defaultValue = "3", description = "Runs per server (default: ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing workload: e.g. 'compare fanout'");
    }
}
