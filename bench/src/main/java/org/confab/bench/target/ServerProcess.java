package org.confab.bench.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.confab.bench.floor.FloorMain;

/**
 * A server under test in a JVM of its own, started from this tool's classpath on ephemeral
 * loopback ports with a fresh data directory, so that the generator never shares its heap, its
 * threads or its file limit. Its output goes to {@code server.log} in that directory, which is
 * kept when the server does not start and deleted, with the data, once the server has stopped.
 */
public final class ServerProcess implements AutoCloseable {

    /** bin/confab's JVM options file, shipped in the server jar and copied to the zip's conf/. */
    private static final String JVM_OPTIONS = "/org/confab/server/config/jvm.options";

    /**
     * Confab's per-client abuse limits are meant for the open internet; a benchmark drives every
     * client from one address, floods on purpose, and holds idle sessions longer than the idle
     * timeout without the pings real clients send. They are lifted unless --server-set says
     * otherwise, and the floor has none either.
     */
    public static final Map<String, String> BENCH_SETTINGS = Map.of(
            "limits.connections-per-address", "0",
            "limits.messages-per-second", "0",
            "limits.idle-timeout-seconds", "0");

    private static final Pattern LISTENING = Pattern.compile("Listening (.*)$");
    private static final String ADDRESS = "127.0.0.1";
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final Thread logPump;
    private final Target target;
    private final Path directory;
    /** Stops the server when the tool is interrupted (Ctrl-C during a long run), so that it is not left behind. */
    private final Thread stopOnExit;

    private ServerProcess(Process process, Thread logPump, Target target, Path directory) {
        this.process = process;
        this.logPump = logPump;
        this.target = target;
        this.directory = directory;
        this.stopOnExit = new Thread(process::destroy, "stop-server-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** The JVM options of bin/confab, so that memory figures are those an operator gets. */
    public static String defaultJvmOptions() {
        try (var in = ServerProcess.class.getResourceAsStream(JVM_OPTIONS)) {
            if (in == null) {
                throw new IllegalStateException(JVM_OPTIONS + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceAll("#.*", "").strip())
                    .filter(option -> !option.isEmpty())
                    .collect(java.util.stream.Collectors.joining(" "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Confab (org.confab.server.Main) with {@link #BENCH_SETTINGS} and then {@code settings} as --set overrides. */
    public static ServerProcess confab(String jvmOptions, Map<String, String> settings) {
        Path dir = tempDir("confab-bench-server");
        Path logback = dir.resolve("logback.xml");
        writeLogbackConfig(logback);
        List<String> args = new ArrayList<>(List.of("-Dlogback.configurationFile=" + logback, "org.confab.server.Main", "start",
                "--set", "listen.address=" + ADDRESS, "--set", "data.dir=" + dir.resolve("data")));
        Map<String, String> effective = new java.util.TreeMap<>(BENCH_SETTINGS);
        // Every port the server knows of, whatever it is called: a free one.
        confabPortKeys().forEach(key -> effective.put(key, "0"));
        effective.putAll(settings);
        effective.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        return start("confab", jvmOptions, args, dir);
    }

    /** Starts the floor server with {@code threads} I/O loops. */
    public static ServerProcess floor(String jvmOptions, int threads) {
        Path dir = tempDir("confab-bench-floor");
        return start("floor", jvmOptions, List.of(FloorMain.class.getName(), "--address", ADDRESS,
                "--threads", Integer.toString(threads)), dir);
    }

    /**
     * The listening ports of Confab's bundled defaults ("dmconnect.port", "dmconnect.encrypted-port",
     * ...): not the port peers are dialled on, nor one that is off by default. An unknown key would
     * stop it, so only these.
     */
    private static List<String> confabPortKeys() {
        java.util.Properties defaults = new java.util.Properties();
        try (var in = ServerProcess.class.getResourceAsStream("/org/confab/server/config/confab.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> keys = defaults.stringPropertyNames().stream()
                .filter(k -> (k.endsWith(".port") || k.endsWith("-port")) && !k.endsWith(".peer-port"))
                .filter(k -> !defaults.getProperty(k).isBlank()).sorted().toList();
        return keys.isEmpty() ? List.of("dmconnect.port") : keys;
    }

    public Target target() {
        return target;
    }

    public Path directory() {
        return directory;
    }

    private static ServerProcess start(String kind, String jvmOptions, List<String> mainAndArgs, Path dir) {
        List<String> command = new ArrayList<>();
        command.add(Jdk.tool("java"));
        command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + kind + " server", e);
        }
        CompletableFuture<Map<String, Integer>> ports = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, dir.resolve("server.log"), ports), kind + "-log");
        pump.setDaemon(true);
        pump.start();
        try {
            Map<String, Integer> p = ports.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Target target = new Target(kind, address(p.get("dmconnect")), address(portNamed(p, "secure", "encrypted")),
                    address(portNamed(p, "vcom")), process.pid());
            return new ServerProcess(process, pump, target, dir);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the " + kind + " server did not start; see " + dir.resolve("server.log"), e);
        }
    }

    /** The port of the first acceptor whose name contains one of {@code words} ("dmconnect-secure", "vcom", ...). */
    private static Integer portNamed(Map<String, Integer> ports, String... words) {
        return ports.entrySet().stream().filter(e -> java.util.Arrays.stream(words).anyMatch(e.getKey()::contains))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static InetSocketAddress address(Integer port) {
        return port == null ? null : new InetSocketAddress(ADDRESS, port);
    }

    /** Copies the server's output to its log and reports the ports from its "Listening a=1 b=2" line. */
    private static void pump(Process process, Path log, CompletableFuture<Map<String, Integer>> ports) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                Matcher m = LISTENING.matcher(line);
                if (!ports.isDone() && m.find()) {
                    Map<String, Integer> found = new java.util.HashMap<>();
                    for (String pair : m.group(1).trim().split("\\s+")) {
                        String[] kv = pair.split("=");
                        found.put(kv[0], Integer.parseInt(kv[1]));
                    }
                    ports.complete(found);
                    out.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            ports.completeExceptionally(e);
        }
        ports.completeExceptionally(new IllegalStateException("the server's output ended before it listened"));
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLogbackConfig(Path file) {
        String xml = """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.apache.mina" level="WARN"/>
                  <logger name="org.flywaydb" level="ERROR"/>
                  <logger name="com.zaxxer.hikari" level="WARN"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """;
        try {
            Files.writeString(file, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as an operator would stop it; forcibly after 15 s. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already exiting: the hook stops the server.
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            logPump.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return; // it may still be writing there
        }
        if (!process.isAlive()) {
            deleteDirectory();
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            System.err.println("Could not delete " + directory + ": " + e);
        }
    }
}
