package org.confab.server.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.confab.server.Main;
import org.confab.server.admin.AdminException;
import org.confab.server.admin.AdminRequest;
import org.confab.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code confab stop}: the graceful stop of a running server, for operators and for systemd's ExecStop. */
@Command(name = "stop", description = {"Stop the running server gracefully: the ports close, every client is told "
        + "'Server is shutting down.', the database closes. Returns once it has stopped.",
    "Exit code 0 also when it was not running."})
public final class StopCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for the server to stop (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        Terminal t = main.terminal();
        ServerConfig config = configOptions.load();
        Optional<RunningServer> server = RunningServer.connect(config, Duration.ofSeconds(timeoutSeconds));
        if (server.isEmpty()) {
            t.out().println("Confab is not running (nothing answers on admin port " + config.adminPort() + ").");
            return 0;
        }
        try (RunningServer s = server.get()) {
            s.execute(AdminRequest.of("stop")).lines().forEach(t.out()::println);
            return 0;
        } catch (AdminException e) {
            t.err().println("confab: " + e.getMessage());
            return 1;
        }
    }
}
