package org.confab.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.confab.server.config.ConfigException;
import org.confab.server.config.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code confab} command line. */
@Command(name = "confab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Confab: a self-hosted messaging server for DMconnect and vCom clients.",
        subcommands = {Main.Start.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'confab start'");
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Run the server in the foreground until it is stopped (Ctrl-C or SIGTERM).")
    static final class Start implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "FILE",
                description = "Configuration file (default: conf/confab.properties of the installation).")
        Path config;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key; repeatable.")
        Map<String, String> overrides = new LinkedHashMap<>();

        @Override
        public Integer call() throws InterruptedException {
            ServerConfig serverConfig;
            try {
                serverConfig = ServerConfig.load(config != null ? config : ServerConfig.installedConfigFile(), overrides);
            } catch (ConfigException e) {
                System.err.println("confab: " + e.getMessage());
                return 2;
            }
            ConfabServer server = ConfabServer.start(serverConfig);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "confab-shutdown"));
            stopped.await();
            return 0;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"confab " + ConfabServer.version()};
        }
    }
}
