package org.confab.server.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confab.server.Main;

/**
 * The real server in a JVM of its own, started as bin/confab starts it, so that a test can kill
 * it with -9. Ports are any free ones, read from the "Listening" line.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening (.*)");
    private static final Pattern PORT = Pattern.compile("([a-z-]+)=(\\d+)");

    private final Process process;
    private final Map<String, Integer> ports;

    private ServerProcess(Process process, Map<String, Integer> ports) {
        this.process = process;
        this.ports = ports;
    }

    /** {@code settings}: further {@code key=value} overrides. */
    public static ServerProcess start(Path dataDir, String... settings) throws Exception {
        Path logback = Paths.get(Main.class.getResource("/logback.xml").toURI());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + logback,
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "start",
                "--set", "data.dir=" + dataDir,
                "--set", "listen.address=127.0.0.1",
                "--set", "dmconnect.port=0",
                "--set", "dmconnect.encrypted-port=0",
                "--set", "vcom.port=0",
                "--set", "admin.port=0",
                "--set", "dmconnect.greeting-delay-ms=50",
                // Durability and process life are under test, not the flood limit.
                "--set", "limits.messages-per-second=0"));
        for (String setting : settings) {
            command.add("--set");
            command.add(setting);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            return new ServerProcess(process, awaitPorts(process));
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static Map<String, Integer> awaitPorts(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Map<String, Integer> ports = new LinkedHashMap<>();
                Matcher port = PORT.matcher(listening.group(1));
                while (port.find()) {
                    ports.put(port.group(1), Integer.parseInt(port.group(2)));
                }
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return ports;
            }
        }
        throw new AssertionError("server process ended before listening");
    }

    public int port(String name) {
        return ports.get(name);
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("server process still running 10 s after kill -9");
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
