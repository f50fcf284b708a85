package org.confab.bench.cli;

import java.util.List;
import java.util.function.Supplier;
import org.confab.bench.floor.FloorMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The command tree: every workload at the top and again under {@code compare}, plus {@code floor}. */
public final class Commands {

    private Commands() {
    }

    @Command(name = "confab-bench", mixinStandardHelpOptions = true, version = "confab-bench 0.1.0",
            description = {"Load generator and benchmark for Confab.",
                    "Runs a workload against Confab (started in its own JVM), the floor server, or a running server on loopback;",
                    "prints one key=value line and a summary per run."})
    static final class Root implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Missing workload: try 'confab-bench fanout' or 'confab-bench --help'");
        }
    }

    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new Root());
        CommandLine compare = new CommandLine(new CompareCommand());
        for (Supplier<WorkloadCommand> workload : workloads()) {
            root.addSubcommand(workload.get());
            compare.addSubcommand(workload.get());
        }
        root.addSubcommand(compare);
        root.addSubcommand(new FloorMain());
        root.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("confab-bench: " + e.getMessage());
            return 1;
        });
        return root;
    }

    private static List<Supplier<WorkloadCommand>> workloads() {
        return List.of(RoomCommands.Fanout::new, RoomCommands.Rooms::new, IdleCommand::new,
                LoginsCommand::new, VcomCommands.Unicast::new, VcomCommands.File::new, SoakCommand::new);
    }
}
