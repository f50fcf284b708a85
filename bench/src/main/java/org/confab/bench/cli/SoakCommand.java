package org.confab.bench.cli;

import java.time.Duration;
import org.confab.bench.work.Soak;
import org.confab.bench.work.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"A long run looking for leaks: DMconnect clients chatting in rooms and vCom pairs sending private messages,",
                "every client at the same pace, for --duration; every delivery counted once (missing, duplicates after a drain).",
                "Every --sample-every the server's live heap after a full GC (jcmd GC.class_histogram), RSS and open files;",
                "at the end their series, the heap's least-squares slope over the later half of the load, and which classes grew.",
                "Needs the server's pid for memory (known when the tool starts the server)."})
final class SoakCommand extends WorkloadCommand {

    @Option(names = "--clients", defaultValue = "500", description = "Clients in all, vCom pairs included (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--per-room", defaultValue = "10", description = "DMconnect clients per room (default: ${DEFAULT-VALUE}).")
    int perRoom;

    @Option(names = "--vcom-pairs", defaultValue = "25", description = "Pairs of vCom clients among them (default: ${DEFAULT-VALUE}).")
    int vcomPairs;

    @Option(names = "--rate", defaultValue = "150", description = "Messages per second from all clients together (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long the clients chat: 90s, 10m, 2h (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--sample-every", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time between memory samples; each is a full GC in the server (default: ${DEFAULT-VALUE}).")
    Duration sampleEvery;

    @Override
    Workload workload() {
        return new Soak(clients, perRoom, vcomPairs, rate, duration, sampleEvery);
    }
}
