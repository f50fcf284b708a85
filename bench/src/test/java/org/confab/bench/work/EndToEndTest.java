package org.confab.bench.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.confab.bench.measure.RunResult;
import org.confab.bench.target.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tiny workloads end to end against the floor and a real Confab, each in a JVM of its own as the
 * tool starts them. Counts only: no assertion here depends on speed.
 */
class EndToEndTest {

    private static ServerProcess floor;
    private static ServerProcess confab;
    private static Generator generator;

    @BeforeAll
    static void start() {
        floor = ServerProcess.floor(ServerProcess.defaultJvmOptions(), 2);
        confab = ServerProcess.confab(ServerProcess.defaultJvmOptions(), Map.of(
                // Light hashing: the test logs in a handful of accounts, and measures nothing.
                "password.argon2.memory-kib", "1024", "password.argon2.iterations", "1"));
        generator = new Generator(2);
    }

    @AfterAll
    static void stop() {
        generator.close();
        confab.close();
        floor.close();
        // Each server's directory, with its log and its data, goes once it has stopped.
        assertThat(confab.directory()).doesNotExist();
        assertThat(floor.directory()).doesNotExist();
    }

    private static RunContext context(ServerProcess server, boolean encrypted, int sourceAddresses) {
        return new RunContext(server.target(), generator, encrypted, Duration.ofSeconds(30), sourceAddresses, RunContext.newTag());
    }

    private static void assertCompleteWithLatency(RunResult r, long expected) {
        assertThat(r.warnings()).noneMatch(w -> w.startsWith("incomplete") || w.startsWith("only"));
        assertThat(r.figures().number("delivered").getAsDouble()).isEqualTo(expected);
        assertThat(r.figures().number("complete").getAsDouble()).isEqualTo(1.0);
        assertThat(r.figures().number("duplicates").getAsDouble()).isZero();
        assertThat(r.figures().number("stray").getAsDouble()).isZero();
        assertThat(r.latency().getTotalCount()).isEqualTo(expected);
        assertThat(r.keyValueLine()).contains("complete=1 ", "p99_us=");
        // The machine's own scheduling delay is measured alongside, so that a figure can be told apart from it.
        assertThat(r.figures().number("hiccup_p99_us").getAsDouble()).isPositive();
    }

    @Test
    void fanoutAgainstTheFloor() throws Exception {
        RunResult r = new RoomTraffic("fanout", new RoomPlan(5, 1, 5, 20, 0), 0).run(context(floor, false, 1));
        assertCompleteWithLatency(r, 5 * 5 * 20);
        assertThat(r.target()).isEqualTo("floor");
    }

    @Test
    void fanoutAgainstConfab() throws Exception {
        RunResult r = new RoomTraffic("fanout", new RoomPlan(5, 1, 5, 20, 0), 0).run(context(confab, false, 1));
        assertCompleteWithLatency(r, 5 * 5 * 20);
        assertThat(r.figures().number("server_cpu_s")).isPresent();
    }

    @Test
    void confabListensOnFreePortsOnly() {
        // Fixed default ports would collide with any other Confab on the machine.
        assertThat(List.of(confab.target().plain(), confab.target().secure(), confab.target().vcom()))
                .extracting(InetSocketAddress::getPort)
                .doesNotContain(42439, 42440, 42441);
    }

    @Test
    void pacedRoomsAgainstConfabAfterAWarmUp() throws Exception {
        RunResult r = new RoomTraffic("rooms", new RoomPlan(6, 3, 3, 10, 200), 4).run(context(confab, false, 2));
        // Only the measured messages are counted, timed and checked for duplicates and strays.
        assertCompleteWithLatency(r, 3 * 2 * 10);
        assertThat(r.figures().number("warm_up_complete").getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void encryptedClientsAgainstTheFloor() throws Exception {
        RunResult r = new RoomTraffic("fanout", new RoomPlan(3, 1, 2, 10, 0), 0).run(context(floor, true, 1));
        assertCompleteWithLatency(r, 3 * 2 * 10);
    }

    @Test
    void idleSessionsAreCountedAndWeighed() throws Exception {
        RunResult r = new Idle(30, 10, false, 1, 0, 15).run(context(confab, false, 4));
        assertThat(r.warnings()).noneMatch(w -> w.startsWith("incomplete") || w.startsWith("only"));
        assertThat(r.figures().number("ready").getAsDouble()).isEqualTo(30);
        assertThat(r.figures().number("heap_bytes")).isPresent();
        assertThat(r.figures().number("rss_bytes")).isPresent();
        assertThat(r.latency().getTotalCount()).isEqualTo(30);
    }

    @Test
    void idleVcomSessionsOverTlsAreCountedAndWeighed() throws Exception {
        RunResult r = new Idle(20, 10, true, 1, 0, 15).run(context(confab, false, 4));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.figures().number("ready").getAsDouble()).isEqualTo(20);
        assertThat(r.figures().number("dropped").getAsDouble()).isZero();
        assertThat(r.figures().number("heap_per_session_bytes")).isPresent();
        assertThat(r.keyValueLine()).contains("protocol=vcom ");
    }

    @Test
    void loginStormWithAChatAlongside() throws Exception {
        RunResult r = new Logins(40, 4, 20).run(context(confab, false, 1));
        assertThat(r.figures().number("logged_in").getAsDouble()).isEqualTo(40);
        assertThat(r.figures().number("login_failures").getAsDouble()).isZero();
        assertThat(r.figures().number("chat_deliveries").getAsDouble()).isPositive();
        assertThat(r.figures().number("login_p99_us")).isPresent();
        assertThat(r.figures().number("send_lag_max_ms")).isPresent();
    }

    @Test
    void vcomUnicastPairsAgainstTheFloor() throws Exception {
        RunResult r = new Unicast(2, 20, 0).run(context(floor, false, 1));
        assertCompleteWithLatency(r, 4 * 20);
    }

    @Test
    void vcomFileRelayedByTheFloorAndCopiedDirectly() throws Exception {
        RunResult r = new FileTransfer(300_000).run(context(floor, false, 1));
        assertThat(r.warnings()).noneMatch(w -> w.contains("did not finish"));
        assertThat(r.figures().number("received_bytes").getAsDouble()).isEqualTo(300_000);
        assertThat(r.figures().number("corrupt_chunks").getAsDouble()).isZero();
        assertThat(r.figures().number("relay_to_direct")).isPresent();
        assertThat(r.figures().number("server_heap_growth_bytes")).isPresent();
        // Warm-ups stop once a copy ran with the JIT (nearly) idle, and at 20 whatever happens.
        assertThat(r.figures().number("direct_warm_ups").getAsDouble()).isBetween(1.0, 20.0);
        assertThat(r.figures().number("relay_warm_ups").getAsDouble()).isBetween(1.0, 20.0);
    }

    @Test
    void soakCountsEveryDeliveryOnceAndSamplesTheServersMemory() throws Exception {
        // 16 DMconnect clients in 4 rooms and 2 vCom pairs, each client sending 6 messages, one every 0.5 s.
        RunResult r = new Soak(20, 4, 2, 40, Duration.ofSeconds(3), Duration.ofSeconds(1)).run(context(confab, false, 1));
        assertCompleteWithLatency(r, 16 * 6 * 4 + 4 * 6);
        assertThat(r.figures().number("missing").getAsDouble()).isZero();
        // Before the load, at least one under it, and after the drain.
        double samples = r.figures().number("samples").getAsDouble();
        assertThat(samples).isGreaterThanOrEqualTo(3);
        assertThat(r.figures().text("series_heap_kb").split(",")).hasSize((int) samples).allMatch(kb -> Long.parseLong(kb) > 0);
        assertThat(r.figures().number("heap_idle_bytes").getAsDouble()).isPositive();
        assertThat(r.figures().number("heap_first_bytes").getAsDouble()).isPositive();
        assertThat(r.figures().number("heap_drained_bytes").getAsDouble()).isPositive();
        assertThat(r.figures().number("rss_last_bytes").getAsDouble()).isPositive();
    }
}
