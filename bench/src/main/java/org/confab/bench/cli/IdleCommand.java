package org.confab.bench.cli;

import org.confab.bench.work.Idle;
import org.confab.bench.work.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "idle", mixinStandardHelpOptions = true,
        description = {"C logged-in DMconnect sessions in rooms (or vCom sessions over TLS), held open: live heap and RSS per session.",
                "Live heap is measured after a full GC, resident memory from /proc, both above the idle server;",
                "needs the server's pid (known when the tool starts the server)."})
final class IdleCommand extends WorkloadCommand {

    @Option(names = "--sessions", defaultValue = "1000", description = "Sessions (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--per-room", defaultValue = "20", description = "Sessions per room (default: ${DEFAULT-VALUE}).")
    int perRoom;

    @Option(names = "--hold", defaultValue = "0", description = "Seconds to hold the sessions after measuring (default: ${DEFAULT-VALUE}).")
    int hold;

    @Option(names = "--vcom", description = "The sessions are vCom clients over TLS (in no room) instead of DMconnect ones.")
    boolean vcom;

    @Option(names = "--settle", defaultValue = "90",
            description = {"Seconds between the last login and the measurement (default: ${DEFAULT-VALUE}): the database keeps",
                    "each commit's file chunk for 45 s and frees it at its next compaction (every 10 s)."})
    int settle;

    @Option(names = "--classes", defaultValue = "15", description = "Rows of the per-session class table (default: ${DEFAULT-VALUE}).")
    int classes;

    @Override
    Workload workload() {
        return new Idle(sessions, perRoom, vcom, settle, hold, classes);
    }

    @Override
    int defaultSourceAddresses() {
        return 8;
    }
}
