package org.confab.bench.cli;

import org.confab.bench.work.Logins;
import org.confab.bench.work.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "logins", mixinStandardHelpOptions = true,
        description = {"A connect-login-disconnect storm, with a chatting session's latency measured meanwhile.",
                "Logs in to 20 registered accounts; two sessions chat at 50 messages/s in a room of their own."})
final class LoginsCommand extends WorkloadCommand {

    @Option(names = "--logins", defaultValue = "1000", description = "Logins in total (default: ${DEFAULT-VALUE}).")
    int logins;

    @Option(names = "--concurrency", defaultValue = "16", description = "Logins in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--duration", defaultValue = "30", description = "Most seconds the storm may last (default: ${DEFAULT-VALUE}).")
    int duration;

    @Override
    Workload workload() {
        return new Logins(logins, concurrency, duration);
    }
}
