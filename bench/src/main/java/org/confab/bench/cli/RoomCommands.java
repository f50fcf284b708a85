package org.confab.bench.cli;

import org.confab.bench.work.RoomPlan;
import org.confab.bench.work.RoomTraffic;
import org.confab.bench.work.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The two room workloads: one big room, and many small ones. */
final class RoomCommands {

    private RoomCommands() {
    }

    @Command(name = "fanout", mixinStandardHelpOptions = true,
            description = "N clients in one room, S of them sending M messages each, flooding or at --rate messages/s in total.")
    static final class Fanout extends WorkloadCommand {

        @Option(names = "--clients", defaultValue = "100", description = "Clients in the room (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--senders", defaultValue = "10", description = "Clients that send (default: ${DEFAULT-VALUE}).")
        int senders;

        @Option(names = "--messages", defaultValue = "2000", description = "Messages per sender (default: ${DEFAULT-VALUE}).")
        int messages;

        @Option(names = "--rate", defaultValue = "0", description = "Messages per second in total; 0 floods (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--warm-up", defaultValue = "0",
                description = "Messages per sender sent first at the same rate and not measured (default: ${DEFAULT-VALUE}).")
        int warmUp;

        @Override
        Workload workload() {
            return new RoomTraffic("fanout", new RoomPlan(clients, 1, senders, messages, rate), warmUp);
        }
    }

    @Command(name = "rooms", mixinStandardHelpOptions = true,
            description = "Many small rooms: N clients spread over R rooms, S senders spread over the rooms.")
    static final class Rooms extends WorkloadCommand {

        @Option(names = "--clients", defaultValue = "200", description = "Clients (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--rooms", defaultValue = "20", description = "Rooms (default: ${DEFAULT-VALUE}).")
        int rooms;

        @Option(names = "--senders", defaultValue = "20", description = "Clients that send (default: ${DEFAULT-VALUE}).")
        int senders;

        @Option(names = "--messages", defaultValue = "2000", description = "Messages per sender (default: ${DEFAULT-VALUE}).")
        int messages;

        @Option(names = "--rate", defaultValue = "0", description = "Messages per second in total; 0 floods (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--warm-up", defaultValue = "0",
                description = "Messages per sender sent first at the same rate and not measured (default: ${DEFAULT-VALUE}).")
        int warmUp;

        @Override
        Workload workload() {
            return new RoomTraffic("rooms", new RoomPlan(clients, rooms, senders, messages, rate), warmUp);
        }
    }
}
