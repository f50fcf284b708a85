package org.confab.server.dmconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Messages with and without newlines, several per read, one split over several reads; the size limit; UTF-8. */
class FramingTest {

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
    void messagesWithoutNewlineAsRealClientsSendThem() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.sendRaw("/register rawclient pw").expect("Registration successful. Please log in.").expectGreeting();
            c.sendRaw("/login rawclient pw").expect("Login successful.");
            assertThat(c.readLine()).startsWith("Available servers:");
            c.expect("Select a server using /join_server <server_name>.");
            c.sendRaw("/join_server general").expect("Joined server 'general' successfully.", "*** rawclient has joined the server.");
            c.sendRaw("no newline here").expect("rawclient: no newline here");
        }
    }

    @Test
    void crlfAndBareLf() {
        try (TextClient c = server.loggedIn("lfclient")) {
            c.sendRaw("/list_servers\n");
            assertThat(c.readLine()).startsWith("Servers: ");
            c.sendRaw("/list_servers\r\n");
            assertThat(c.readLine()).startsWith("Servers: ");
        }
    }

    @Test
    void severalLinesInOneWrite() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.sendRaw("/register batch pw\r\n/login batch pw\r\n/join_server general\r\nfirst\r\nsecond\r\n");
            c.expect("Registration successful. Please log in.", "Enter command (/login /register): ", "Login successful.");
            assertThat(c.readLine()).startsWith("Available servers:");
            c.expect("Select a server using /join_server <server_name>.",
                    "Joined server 'general' successfully.", "*** batch has joined the server.",
                    "batch: first", "batch: second");
        }
    }

    @Test
    void oneLineSplitOverSeveralWritesWithPauses() throws InterruptedException {
        try (TextClient c = server.loggedIn("splitwriter")) {
            c.sendRaw("/join_ser");
            // Longer than the fragment wait: a line-terminating client's fragment must still wait for its newline.
            Thread.sleep(150);
            c.sendRaw("ver gene");
            Thread.sleep(150);
            c.sendRaw("ral\r\n");
            c.expect("Joined server 'general' successfully.", "*** splitwriter has joined the server.");
        }
    }

    @Test
    void newlinelessMessageSplitAcrossQuickWritesIsOneMessage() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.sendRaw("/register qu");
            c.sendRaw("ick pw");
            c.expect("Registration successful. Please log in.").expectGreeting();
        }
    }

    @Test
    void messageOverTheLimitGetsOneErrorAndTheSessionGoesOn() {
        try (TextClient c = server.inRoom("bigmouth", "general")) {
            c.sendRaw("x".repeat(40_000) + "\n");
            c.expect("Message too long: the limit is 32768 bytes; it was discarded.");
            c.send("after").expect("bigmouth: after");
        }
    }

    @Test
    void hundredKilobytesWithoutNewlineIsDiscardedOnce() {
        try (TextClient c = server.inRoom("floodraw", "general")) {
            c.sendRaw(new byte[100 * 1024]);
            c.expect("Message too long: the limit is 32768 bytes; it was discarded.");
            // This client ends its lines, so the discarded message runs to the next newline.
            c.sendRaw("and its tail\r\n");
            c.send("still alive").expect("floodraw: still alive");
        }
    }

    @Test
    void messageOfExactlyTheLimitIsAccepted() {
        try (TextClient c = server.inRoom("exact", "general")) {
            String body = "y".repeat(32_768);
            c.sendRaw(body + "\n");
            assertThat(c.readLine()).isEqualTo("exact: " + body);
        }
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() {
        try (TextClient sender = server.inRoom("badbytes", "general")) {
            byte[] bad = {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, '\r', '\n'};
            sender.sendRaw(bad);
            assertThat(sender.readLine()).isEqualTo("badbytes: ok \uFFFD( \uFFFD");
            sender.send("ünïcödé ✓").expect("badbytes: ünïcödé ✓");
        }
    }

    @Test
    void repliesAreUtf8AndEndWithOneNewline() throws Exception {
        try (TextClient c = server.inRoom("bytewise", "general")) {
            c.send("é");
            byte[] expected = "bytewise: é\n".getBytes(StandardCharsets.UTF_8);
            byte[] actual = c.socket().getInputStream().readNBytes(expected.length);
            assertThat(actual).isEqualTo(expected);
        }
    }
}
