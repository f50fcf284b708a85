package org.confab.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.confab.server.runtime.ThreadSafeNioProcessor;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;

/**
 * Blocking work (database, password hashing) never runs on MINA's I/O threads: while clients
 * register, log in, join and chat, a sampler keeps taking the I/O threads' stacks and fails the
 * test if one of them is ever inside H2, the connection pool, the storage layer or BouncyCastle.
 */
class IoThreadsNeverBlockTest {

    private static final List<String> BLOCKING = List.of("org.h2.", "com.zaxxer.hikari.", "org.confab.storage.",
            "org.bouncycastle.", "org.confab.server.account.PasswordHasher");

    @Test
    void ioThreadsAreNeverSeenInsideBlockingCode() throws Exception {
        Set<String> offenders = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger ioSamples = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                    // MINA names its I/O threads after the processor's class.
                    if (!e.getKey().getName().startsWith(ThreadSafeNioProcessor.class.getSimpleName())) {
                        continue;
                    }
                    ioSamples.incrementAndGet();
                    for (StackTraceElement frame : e.getValue()) {
                        if (BLOCKING.stream().anyMatch(frame.getClassName()::startsWith)) {
                            offenders.add(e.getKey().getName() + " in " + frame);
                        }
                    }
                }
                LockSupport.parkNanos(200_000); // pace the sampler so that it leaves the clients some CPU
            }
        });
        try (TestServer server = TestServer.start()) {
            sampler.start();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                Thread t = new Thread(() -> {
                    try {
                        for (int round = 0; round < 4; round++) {
                            String user = "storm" + n + "x" + round;
                            try (TextClient c = server.loggedIn(user)) {
                                c.send("/create_server r" + user).expect("Server 'r" + user + "' created successfully.");
                                c.send("/join_server r" + user).expect("Joined server 'r" + user + "' successfully.", "*** " + user + " has joined the server.");
                                c.send("hi").expect(user + ": hi");
                                c.send("/pm nobody-" + n + " hi").expect("User does not exist.");
                            }
                        }
                    } catch (Throwable failure) {
                        failures.add(failure);
                    }
                });
                t.start();
                clients.add(t);
            }
            for (Thread t : clients) {
                t.join(60_000);
            }
        } finally {
            running.set(false);
            sampler.join();
        }
        assertThat(failures).isEmpty();
        assertThat(ioSamples.get()).as("I/O thread samples taken").isGreaterThan(100);
        assertThat(offenders).isEmpty();
    }
}
