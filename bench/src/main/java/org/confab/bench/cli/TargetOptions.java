package org.confab.bench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.confab.bench.target.ServerProcess;
import picocli.CommandLine.Option;

/** Where a workload runs and with what generator; shared by every workload command. */
public final class TargetOptions {

    @Option(names = "--target", defaultValue = "confab",
            description = "confab: start Confab in its own JVM; floor: start the floor server; external: use --host/--port (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Loopback address of an external server (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "42439", description = "Plain DMconnect port of an external server (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--secure-port", defaultValue = "42440", description = "Encrypted DMconnect port of an external server (default: ${DEFAULT-VALUE}).")
    int securePort;

    @Option(names = "--vcom-port", defaultValue = "42441", description = "vCom TLS port of an external server (default: ${DEFAULT-VALUE}).")
    int vcomPort;

    @Option(names = "--pid", defaultValue = "-1", description = "Process id of an external server, for its CPU and memory figures.")
    long pid;

    @Option(names = "--encrypted", description = "DMconnect clients use the encrypted port.")
    boolean encrypted;

    @Option(names = "--threads", defaultValue = "1", description = "Generator event loops (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds any phase of a run may take (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--source-addresses", description = "Bind clients to 127.0.0.1..127.0.0.N (default: 1, or 8 for idle).")
    Integer sourceAddresses;

    @Option(names = "--server-jvm-options", description = "JVM options of a server the tool starts (default: bin/confab's, conf/jvm.options).")
    String serverJvmOptions;

    @Option(names = "--server-set", paramLabel = "KEY=VALUE", description = "Confab configuration override; repeatable.")
    Map<String, String> serverSettings = new LinkedHashMap<>();

    @Option(names = "--floor-threads", description = "I/O loops of the floor server (default: one per core).")
    Integer floorThreads;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write every run, with latency charts, to this HTML file.")
    java.nio.file.Path report;

    String serverJvmOptions() {
        return serverJvmOptions != null ? serverJvmOptions : ServerProcess.defaultJvmOptions();
    }

    int floorThreads() {
        return floorThreads != null ? floorThreads : Runtime.getRuntime().availableProcessors();
    }
}
