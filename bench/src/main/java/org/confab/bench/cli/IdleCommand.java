package org.confab.bench.cli;

import org.confab.bench.work.Idle;
import org.confab.bench.work.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "idle", mixinStandardHelpOptions = true,
        description = {"C logged-in DMconnect sessions joined to rooms, held open; the server's live heap (after a full GC)",
                "and resident memory per session above the idle server. Needs the server's pid (given when the tool starts it)."})
final class IdleCommand extends WorkloadCommand {

    @Option(names = "--sessions", defaultValue = "1000", description = "Sessions (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--per-room", defaultValue = "20", description = "Sessions per room (default: ${DEFAULT-VALUE}).")
    int perRoom;

    @Option(names = "--hold", defaultValue = "0", description = "Seconds to hold the sessions after measuring (default: ${DEFAULT-VALUE}).")
    int hold;

    @Override
    Workload workload() {
        return new Idle(sessions, perRoom, hold);
    }

    @Override
    int defaultSourceAddresses() {
        return 8;
    }
}
