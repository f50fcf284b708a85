package org.confab.bench.cli;

import org.confab.bench.work.FileTransfer;
import org.confab.bench.work.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The vCom workloads, over TLS. */
final class VcomCommands {

    private VcomCommands() {
    }

    @Command(name = "unicast", mixinStandardHelpOptions = true,
            description = "vCom pairs over TLS sending each other private messages, flooding or at --rate messages/s in total.")
    static final class Unicast extends WorkloadCommand {

        @Option(names = "--pairs", defaultValue = "50", description = "Pairs of clients (default: ${DEFAULT-VALUE}).")
        int pairs;

        @Option(names = "--messages", defaultValue = "1000", description = "Messages per client (default: ${DEFAULT-VALUE}).")
        int messages;

        @Option(names = "--rate", defaultValue = "0", description = "Messages per second in total; 0 floods (default: ${DEFAULT-VALUE}).")
        double rate;

        @Override
        Workload workload() {
            return new org.confab.bench.work.Unicast(pairs, messages, rate);
        }
    }

    @Command(name = "file", mixinStandardHelpOptions = true,
            description = "One vCom file transfer relayed over TLS, against a direct TLS copy on loopback in the same run.")
    static final class File extends WorkloadCommand {

        @Option(names = "--size", defaultValue = "104857600", description = "Bytes to transfer (default: ${DEFAULT-VALUE}, 100 MB).")
        long size;

        @Override
        Workload workload() {
            return new FileTransfer(size);
        }
    }
}
