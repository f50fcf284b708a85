package org.confab.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confab.server.Main;

/** {@code confab start} in a JVM of its own, for what only a real process shows: kill -9, exiting after a stop. */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening .*");

    private final Process process;
    private final String listening;

    private ServerProcess(Process process, String listening) {
        this.process = process;
        this.listening = listening;
    }

    /** Starts the server on loopback with free ports and waits for its "Listening" line. */
    public static ServerProcess start(Path dataDir) {
        try {
            Path logback = Paths.get(Main.class.getResource("/logback.xml").toURI());
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dlogback.configurationFile=" + logback,
                    "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "start",
                    "--set", "data.dir=" + dataDir,
                    "--set", "listen.address=127.0.0.1",
                    "--set", "dmconnect.port=0",
                    "--set", "dmconnect.encrypted-port=0",
                    "--set", "admin.port=0",
                    "--set", "dmconnect.greeting-delay-ms=50",
                    // Durability and process life are under test, not the flood limit.
                    "--set", "limits.messages-per-second=0");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new ServerProcess(process, awaitListening(process));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public Process process() {
        return process;
    }

    /** The port of one acceptor ("dmconnect", "admin") from the "Listening" line. */
    public int port(String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(\\d+)").matcher(listening);
        if (!m.find()) {
            throw new AssertionError("no " + name + " port in: " + listening);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Reads the output up to the "Listening" line, then drains the rest so that the process never blocks on it. */
    private static String awaitListening(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return m.group();
            }
        }
        throw new AssertionError("server process ended before listening");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
