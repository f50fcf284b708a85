package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writing JVM with SIGKILL and checks that every acknowledged account was committed. */
class CrashDurabilityTest {

    private static final long STARTUP_TIMEOUT_SECONDS = 30;

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedAccountSurvivesKillDashNine() throws Exception {
        Path dataDir = tmp.resolve("data");
        int[] killPoints = {50, 150, 400};
        List<String> acknowledged = new ArrayList<>();
        for (int round = 0; round < killPoints.length; round++) {
            List<String> printed = runAndKill(dataDir, "round" + round + "-", killPoints[round], round);
            assertThat(printed).hasSizeGreaterThanOrEqualTo(killPoints[round]);
            acknowledged.addAll(printed);

            try (Store store = Store.open(dataDir)) {
                Set<String> stored = store.accounts().list().stream()
                        .map(AccountRecord::name).collect(Collectors.toSet());
                assertThat(stored).containsAll(acknowledged);
            }
        }
    }

    /** Starts a {@link CrashWriter}, kills it once it has printed {@code killAfter} names. */
    private List<String> runAndKill(Path dataDir, String prefix, int killAfter, int round) throws Exception {
        Path stderr = tmp.resolve("child-" + round + ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dataDir.toString(), prefix)
                .redirectError(stderr.toFile())
                .start();
        List<String> names = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(killAfter);
        Thread reader = new Thread(() -> completeLines(child.getInputStream(), line -> {
            if (line.startsWith("created ")) {
                names.add(line.substring("created ".length()));
                enough.countDown();
            }
        }), "crash-child-reader");
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_TIMEOUT_SECONDS);
            // wake up now and then only to notice a child that died or hangs
            while (!enough.await(200, TimeUnit.MILLISECONDS)) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("child printed " + names.size() + " of " + killAfter
                            + " names; alive=" + child.isAlive() + "; stderr:\n" + Files.readString(stderr));
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no H2 close
            child.waitFor(10, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        return List.copyOf(names);
    }

    /** Passes on newline-terminated lines only: a line cut by the kill could name another account. */
    private static void completeLines(InputStream in, Consumer<String> sink) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = r.read()) != -1) {
                if (c == '\n') {
                    sink.accept(line.toString());
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            // the pipe breaks when the child is killed; what was read so far is complete
        }
    }
}
