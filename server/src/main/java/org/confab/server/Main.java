package org.confab.server;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.confab.server.cli.AdminCommand;
import org.confab.server.cli.ConfigOptions;
import org.confab.server.cli.StopCommand;
import org.confab.server.cli.Terminal;
import org.confab.server.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/** The {@code confab} command line. */
@Command(name = "confab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, scope = ScopeType.INHERIT,
        description = "Confab: a self-hosted messaging server for DMconnect and vCom clients.",
        subcommands = {Main.Start.class, StopCommand.class, AdminCommand.class})
public final class Main implements Runnable {

    private final Terminal terminal;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Main(Terminal terminal) {
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system()));
    }

    /** The whole command line without System.exit, as tests drive it; returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, new Terminal(in, out, err, null));
    }

    private static int run(String[] args, Terminal terminal) {
        PrintWriter out = new PrintWriter(terminal.out(), true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(terminal.err(), true, StandardCharsets.UTF_8);
        CommandLine commandLine = new CommandLine(new Main(terminal))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    Throwable shown = e instanceof UncheckedIOException ? e.getCause() : e;
                    cl.getErr().println("confab: " + shown.getMessage());
                    return e instanceof ConfigException ? 2 : 1;
                });
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    public Terminal terminal() {
        return terminal;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'confab start'");
    }

    @Command(name = "start", description = "Run the server in the foreground until it is stopped (confab stop, Ctrl-C or SIGTERM).")
    static final class Start implements Callable<Integer> {

        @Mixin
        ConfigOptions configOptions;

        @Override
        public Integer call() throws InterruptedException {
            ConfabServer server = ConfabServer.start(configOptions.load());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "confab-shutdown"));
            server.awaitClosed();
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
