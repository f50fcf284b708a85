package org.confab.bench.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The running JDK's own tools (java, jcmd), found next to this JVM. */
final class Jdk {

    private Jdk() {
    }

    static String tool(String name) {
        Path candidate = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(candidate) ? candidate.toString() : name;
    }

    /** Runs a tool to its end (bounded by {@code timeout}) and returns its output lines. */
    static List<String> run(List<String> command, long timeout, TimeUnit unit) {
        List<String> lines = new ArrayList<>();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            }
            if (!p.waitFor(timeout, unit)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            lines.add("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lines;
    }
}
