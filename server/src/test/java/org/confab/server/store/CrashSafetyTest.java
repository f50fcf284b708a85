package org.confab.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.confab.server.testing.ServerProcess;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 during registrations: every account that got "Registration successful." is there after
 * a restart. The server runs in its own JVM so that it can really be killed.
 */
class CrashSafetyTest {

    @ParameterizedTest
    @ValueSource(ints = {20, 45})
    @Timeout(120)
    void acknowledgedRegistrationsSurviveKillMinus9(int killAfter) throws Exception {
        Path dataDir = Files.createTempDirectory("confab-crash");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> rooms = ConcurrentHashMap.newKeySet();
        try (ServerProcess process = ServerProcess.start(dataDir)) {
            int port = process.port("dmconnect");
            CountDownLatch enough = new CountDownLatch(killAfter);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                Thread t = new Thread(() -> register(port, writer, acknowledged, enough));
                t.start();
                writers.add(t);
            }
            Thread roomWriter = new Thread(() -> createRooms(port, rooms));
            roomWriter.start();
            writers.add(roomWriter);
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("registrations acknowledged in time").isTrue();
            process.kill();
            for (Thread t : writers) {
                t.join(10_000);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(killAfter);
        try (TestServer restarted = TestServer.start(dataDir, Map.of())) {
            for (String name : acknowledged) {
                try (TextClient c = restarted.connect()) {
                    c.expectGreeting();
                    c.login(name, "pw");
                }
            }
            try (TextClient c = restarted.connect()) {
                c.expectGreeting();
                c.login("roomwriter", "pw");
                c.send("/list_servers");
                List<String> listed = List.of(c.readLine().substring("Servers: ".length()).split(", "));
                assertThat(listed).containsAll(rooms).doesNotHaveDuplicates();
            }
        }
    }

    /** Creates rooms until the server dies, remembering those it confirmed. */
    private static void createRooms(int port, Set<String> rooms) {
        try (TextClient c = TextClient.connect(port)) {
            c.expectGreeting();
            c.registerAndLogin("roomwriter", "pw");
            for (int i = 0; ; i++) {
                String room = "kept" + i;
                c.send("/create_server " + room);
                if (!c.readLine().equals("Server '" + room + "' created successfully.")) {
                    return;
                }
                rooms.add(room);
            }
        } catch (RuntimeException | AssertionError e) {
            // The server was killed under us: expected.
        }
    }

    private static void register(int port, int writer, Set<String> acknowledged, CountDownLatch enough) {
        try (TextClient c = TextClient.connect(port)) {
            c.expectGreeting();
            for (int i = 0; ; i++) {
                String name = "crash" + writer + "x" + i;
                c.send("/register " + name + " pw");
                if (!c.readLine().equals("Registration successful. Please log in.")) {
                    return;
                }
                acknowledged.add(name);
                enough.countDown();
                c.readLine();
            }
        } catch (RuntimeException | AssertionError e) {
            // The server was killed under us: expected.
        }
    }
}
