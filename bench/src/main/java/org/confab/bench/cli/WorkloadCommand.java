package org.confab.bench.cli;

import java.util.concurrent.Callable;
import org.confab.bench.work.Workload;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A workload on the command line: run once against one target, or under {@code compare}. */
abstract class WorkloadCommand implements Callable<Integer> {

    @Mixin
    TargetOptions options;

    @Spec
    CommandSpec spec;

    abstract Workload workload();

    /** Source addresses when --source-addresses is not given. */
    int defaultSourceAddresses() {
        return 1;
    }

    @Override
    public Integer call() throws Exception {
        Runner runner = new Runner(options, defaultSourceAddresses(), spec.commandLine().getOut());
        Object parent = spec.parent() == null ? null : spec.parent().userObject();
        if (parent instanceof CompareCommand compare) {
            return runner.compare(workload(), compare.runs);
        }
        return runner.single(workload());
    }
}
