package org.confab.bench.work;

import org.confab.bench.measure.RunResult;

/** One kind of load, run once against the server in a {@link RunContext}. */
public interface Workload {

    /** The name used on the command line and in the key=value line. */
    String name();

    RunResult run(RunContext context) throws Exception;

    /** The figures {@code compare} puts side by side, with whether higher is better. */
    java.util.Map<String, Boolean> headline();
}
