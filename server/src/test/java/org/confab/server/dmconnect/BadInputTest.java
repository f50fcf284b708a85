package org.confab.server.dmconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Garbage, floods and half-open clients never disturb other connections. */
class BadInputTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void binaryGarbageLeavesOthersServed() {
        try (TextClient bystander = server.inRoom("bystander", "general")) {
            Random random = new Random(42);
            for (int i = 0; i < 20; i++) {
                try (TextClient junk = server.connect()) {
                    byte[] bytes = new byte[1 + random.nextInt(70_000)];
                    random.nextBytes(bytes);
                    bytes[0] = 'x'; // a chat client's garbage, not a federation peer's
                    junk.sendRaw(bytes);
                    junk.sendRaw("\r\n");
                    assertThat(junk.sync()).isNotEmpty().allMatch(l -> l.equals(TextClient.GREETING) || l.startsWith("Message too long"));
                }
            }
            bystander.send("still here").expect("bystander: still here");
            try (TextClient fresh = server.connect()) {
                fresh.expectGreeting();
                fresh.send("/login bystander pw-bystander").expect("Login successful.");
            }
        }
    }

    @Test
    void halfOpenClientsDoNotBlockAnyone() {
        List<TextClient> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                TextClient idle = server.connect();
                if (i % 2 == 0) {
                    idle.sendRaw("/login half"); // a fragment, then nothing more
                }
                silent.add(idle);
            }
            try (TextClient c = server.loggedIn("notblocked")) {
                c.send("/join_server general").expect("Joined server 'general' successfully.", "*** notblocked has joined the server.");
                c.send("works").expect("notblocked: works");
            }
        } finally {
            silent.forEach(TextClient::close);
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedAndOthersContinue() {
        try (TextClient reader = server.inRoom("goodreader", "general"); TextClient stalled = server.inRoom("stalled", "general")) {
            reader.expect("*** stalled has joined the server.");
            // stalled never reads again; the room is flooded until the server gives up on it.
            String line = "z".repeat(1000);
            boolean stalledGone = false;
            for (int i = 0; i < 20_000 && !stalledGone; i++) {
                reader.send(line);
                String got = reader.readLine();
                if (got.equals("*** stalled has left the server.")) {
                    stalledGone = true;
                    got = reader.readLine();
                }
                assertThat(got).isEqualTo("goodreader: " + line);
            }
            assertThat(stalledGone).as("the stalled reader was disconnected").isTrue();
            reader.send("after").expect("goodreader: after");
        }
    }
}
