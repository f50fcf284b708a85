package org.confab.server.dmconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 000/001: greeting, the pre-login loop, /register and /login with every reply text. */
class LoginTest {

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
    void silentClientIsGreetedAfterTheSniffWindow() {
        try (TextClient c = server.connect()) {
            assertThat(c.readLine()).isEqualTo("Enter command (/login /register): ");
        }
    }

    @Test
    void clientThatSpeaksFirstIsGreetedAtOnceThenAnswered() {
        try (TextClient c = server.connect()) {
            c.send("/register early pw1");
            c.expectGreeting().expect("Registration successful. Please log in.").expectGreeting();
        }
    }

    @Test
    void anythingElseBeforeLoginGetsTheGreetingAgain() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("hello").expectGreeting();
            c.send("/join_server general").expectGreeting();
            c.send("/pm someone hi").expectGreeting();
            c.send("").expectGreeting();
            c.send("   ").expectGreeting();
        }
    }

    @Test
    void keepAliveBeforeLoginGetsThePingInsteadOfTheGreeting() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.sendRaw("/").expect("*Ping*");
            c.send("//").expect("*Ping*");
            c.send("x").expectGreeting();
        }
    }

    @Test
    void loginUsage() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("/login").expect("Usage: /login <username> <password>").expectGreeting();
            c.send("/login onlyname").expect("Usage: /login <username> <password>").expectGreeting();
        }
    }

    @Test
    void registerUsageUsesTheCorrectSpelling() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("/register").expect("Usage: /register <username> <password>").expectGreeting();
            c.send("/register lonely").expect("Usage: /register <username> <password>").expectGreeting();
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSameReply() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.register("victor", "right");
            c.send("/login victor wrong").expect("Invalid username or password.").expectGreeting();
            c.send("/login nobody-here whatever").expect("Invalid username or password.").expectGreeting();
        }
    }

    @Test
    void takenNameIsRefusedCaseInsensitively() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.register("Taken", "pw");
            c.send("/register Taken other").expect("Username already taken. Try another.").expectGreeting();
            c.send("/register taken other").expect("Username already taken. Try another.").expectGreeting();
        }
    }

    @Test
    void successfulLoginSendsThreeLinesAndNoGreeting() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.register("lena", "pw");
            c.send("/login lena pw");
            c.expect("Login successful.");
            assertThat(c.readLine()).startsWith("Available servers: general");
            c.expect("Select a server using /join_server <server_name>.");
            c.expectNothingMore();
        }
    }

    @Test
    void passwordMayBeSentBase64Encoded() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.register("basil", "open sesame");
            String encoded = Base64.getEncoder().encodeToString("open sesame".getBytes(StandardCharsets.UTF_8));
            c.login("basil", encoded);
        }
    }

    @Test
    void passwordMayContainSpaces() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.register("spacey", "a long pass phrase");
            c.login("spacey", "a long pass phrase");
        }
    }

    @Test
    void loginAndRegisterAfterLoginAreUnknownCommands() {
        try (TextClient c = server.loggedIn("already")) {
            c.send("/login already pw-already").expect("Unknown command.");
            c.send("/register another pw").expect("Unknown command.");
            c.send("/login").expect("Unknown command.");
        }
    }

    @Test
    void keepAliveAfterLogin() {
        try (TextClient c = server.loggedIn("pinger")) {
            c.send("/").expect("*Ping*");
            c.send("///").expect("*Ping*");
        }
    }

    @Test
    void invalidNamesAreRefusedWithAClearReply() {
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("/register bad@name pw").expect("Invalid username: use 1-32 letters, digits, '_', '-' or '.'.").expectGreeting();
            c.send("/register " + "x".repeat(33) + " pw").expect("Invalid username: use 1-32 letters, digits, '_', '-' or '.'.").expectGreeting();
            c.send("/register semi;colon pw").expect("Invalid username: use 1-32 letters, digits, '_', '-' or '.'.").expectGreeting();
        }
    }

    @Test
    void absurdlyLongNamesAreJustInvalid() {
        // Found by the fuzzer: a 300+ character name used to fail inside the access-list lookup.
        String name = "n".repeat(400);
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.send("/login " + name + " pw").expect("Invalid username or password.").expectGreeting();
            c.send("/register " + name + " pw").expect("Invalid username: use 1-32 letters, digits, '_', '-' or '.'.").expectGreeting();
        }
    }

    @Test
    void severalSessionsPerAccount() {
        try (TextClient a = server.loggedIn("multi"); TextClient b = server.connect()) {
            b.expectGreeting();
            b.login("multi", "pw-multi");
            b.send("/").expect("*Ping*");
            a.send("/").expect("*Ping*");
        }
    }

    @Test
    void pingReplyIsConfigurable() {
        try (TestServer dmcdStyle = TestServer.start(Map.of("dmconnect.ping-reply", "*Ping!*"));
             TextClient c = dmcdStyle.connect()) {
            c.expectGreeting();
            c.send("/").expect("*Ping!*");
        }
    }

    @Test
    void closedRegistrationIsSaidPlainly() {
        try (TestServer closed = TestServer.start(Map.of("registration.open", "false"));
             TextClient c = closed.connect()) {
            c.expectGreeting();
            c.send("/register newbie pw").expect("Registration is closed on this server.").expectGreeting();
        }
    }
}
