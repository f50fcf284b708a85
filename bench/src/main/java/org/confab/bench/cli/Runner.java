package org.confab.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.confab.bench.measure.Comparison;
import org.confab.bench.measure.HtmlReport;
import org.confab.bench.measure.RunResult;
import org.confab.bench.target.ServerProcess;
import org.confab.bench.target.Target;
import org.confab.bench.work.Generator;
import org.confab.bench.work.RunContext;
import org.confab.bench.work.Workload;

/** Starts the servers a command needs, runs the workload, prints and reports what it measured. */
final class Runner {

    private final TargetOptions options;
    private final int sourceAddresses;
    private final PrintWriter out;
    private final List<RunResult> results = new ArrayList<>();

    Runner(TargetOptions options, int defaultSourceAddresses, PrintWriter out) {
        this.options = options;
        this.sourceAddresses = options.sourceAddresses != null ? options.sourceAddresses : defaultSourceAddresses;
        this.out = out;
    }

    int single(Workload workload) throws Exception {
        RunResult result = runOnce(workload, options.target);
        writeReport(List.of());
        return result.figures().number("ready").isPresent() ? 1 : 0;
    }

    int compare(Workload workload, int runs) throws Exception {
        List<RunResult> floor = new ArrayList<>();
        List<RunResult> confab = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            floor.add(runOnce(workload, "floor"));
            confab.add(runOnce(workload, "confab"));
        }
        Comparison comparison = Comparison.of(workload.name(), workload.headline(), floor, confab);
        out.println(comparison.keyValueLine());
        out.print(comparison.summary());
        out.flush();
        writeReport(List.of(comparison));
        return 0;
    }

    private RunResult runOnce(Workload workload, String kind) throws Exception {
        try (ServerProcess server = start(kind); Generator generator = new Generator(options.threads)) {
            Target target = server != null ? server.target() : external();
            RunContext context = new RunContext(target, generator, options.encrypted,
                    Duration.ofSeconds(options.timeoutSeconds), sourceAddresses, RunContext.newTag());
            RunResult result = workload.run(context);
            results.add(result);
            out.println(result.keyValueLine());
            out.print(result.summary());
            out.flush();
            return result;
        }
    }

    /** Null for an external target: nothing to start or stop. */
    private ServerProcess start(String kind) {
        return switch (kind) {
            case "confab" -> ServerProcess.confab(options.serverJvmOptions(), options.serverSettings);
            case "floor" -> ServerProcess.floor(options.serverJvmOptions(), options.floorThreads());
            case "external" -> null;
            default -> throw new IllegalArgumentException("--target is confab, floor or external, not " + kind);
        };
    }

    private Target external() {
        return new Target("external", new InetSocketAddress(options.host, options.port),
                new InetSocketAddress(options.host, options.securePort), new InetSocketAddress(options.host, options.vcomPort),
                options.pid);
    }

    private void writeReport(List<Comparison> comparisons) throws IOException {
        if (options.report != null) {
            HtmlReport.write(options.report, results, comparisons);
            out.println("Report written to " + options.report.toAbsolutePath());
            out.flush();
        }
    }
}
