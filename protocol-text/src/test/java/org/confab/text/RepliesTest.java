package org.confab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed pages' texts, byte for byte. */
class RepliesTest {

    @Test
    void greetingKeepsItsTrailingSpace() {
        assertThat(LineEncoder.encode(Replies.GREETING))
                .isEqualTo("Enter command (/login /register): \n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void seedPingBytes() {
        assertThat(Replies.SEED_PING.getBytes(StandardCharsets.US_ASCII))
                .containsExactly(0x2A, 0x50, 0x69, 0x6E, 0x67, 0x2A);
    }

    @Test
    void usageLines() {
        assertThat(Replies.usage(Verb.LOGIN)).isEqualTo("Usage: /login <username> <password>");
        assertThat(Replies.usage(Verb.REGISTER)).isEqualTo("Usage: /register <username> <password>");
        assertThat(Replies.usage(Verb.PM)).isEqualTo("Usage: /pm <username> <message>");
        assertThat(Replies.usage(Verb.CREATE_SERVER)).isEqualTo("Usage: /create_server <server_name>");
        assertThat(Replies.usage(Verb.JOIN_SERVER)).isEqualTo("Usage: /join_server <server_name>");
        assertThat(Replies.usage(Verb.ACT)).isEqualTo("Usage: /act <act>");
    }

    @Test
    void seedTexts() {
        assertThat(Replies.INVALID_LOGIN).isEqualTo("Invalid username or password.");
        assertThat(Replies.USERNAME_TAKEN).isEqualTo("Username already taken. Try another.");
        assertThat(Replies.REGISTERED).isEqualTo("Registration successful. Please log in.");
        assertThat(Replies.LOGIN_SUCCESSFUL).isEqualTo("Login successful.");
        assertThat(Replies.availableServers(List.of("general", "x"))).isEqualTo("Available servers: general, x");
        assertThat(Replies.SELECT_SERVER).isEqualTo("Select a server using /join_server <server_name>.");
        assertThat(Replies.privateMessage("alice", "hi")).isEqualTo("(Private) alice: hi");
        assertThat(Replies.privateMessage("alice@h", "hi")).isEqualTo("(Private) alice@h: hi");
        assertThat(Replies.privateMessageSent("bob")).isEqualTo("Private message sent to bob.");
        assertThat(Replies.privateMessageFailed("bob@h")).isEqualTo("Failed to send private message to bob@h.");
        assertThat(Replies.USER_DOES_NOT_EXIST).isEqualTo("User does not exist.");
        assertThat(Replies.serverCreated("x")).isEqualTo("Server 'x' created successfully.");
        assertThat(Replies.SERVER_EXISTS).isEqualTo("Server already exists.");
        assertThat(Replies.SERVER_DOES_NOT_EXIST).isEqualTo("Server does not exist.");
        assertThat(Replies.alreadyConnected("general")).isEqualTo("You're already connected to the server 'general'.");
        assertThat(Replies.joined("x@h")).isEqualTo("Joined server 'x@h' successfully.");
        assertThat(Replies.servers(List.of("general", "x"))).isEqualTo("Servers: general, x");
        assertThat(Replies.JOIN_FIRST).isEqualTo("Please log in and join a server first.");
        assertThat(Replies.members("general", List.of("a", "b@h"))).isEqualTo("Members in 'general': a, b@h");
        assertThat(Replies.chatLine("a", "hello")).isEqualTo("a: hello");
        assertThat(Replies.actLine("Alice", "is drinking coffee.")).isEqualTo("*** Alice is drinking coffee.");
        assertThat(Replies.ACTION_NOT_ALLOWED).isEqualTo("This action is not allowed.");
        assertThat(Replies.joinedNotice("a")).isEqualTo("*** a has joined the server.");
        assertThat(Replies.leftNotice("a@h")).isEqualTo("*** a@h has left the server.");
        assertThat(Replies.capabilities(List.of())).isEqualTo("No capabilities available.");
        assertThat(Replies.capabilities(List.of("status", "ignore")))
                .isEqualTo("Capabilities: status, ignore. Use /CAPABILITY_NAME for help.");
        assertThat(Replies.UNKNOWN_COMMAND).isEqualTo("Unknown command.");
    }

    @Test
    void helpIsOneWriteWithOneCommandPerLine() {
        byte[] wire = LineEncoder.encode(Replies.help());
        String text = new String(wire, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").doesNotEndWith("\n\n");
        assertThat(text.lines()).hasSize(10).allMatch(l -> l.startsWith("/"));
    }

    @Test
    void encoderAddsOneNewline() {
        assertThat(LineEncoder.encode("x")).isEqualTo(new byte[] {'x', '\n'});
        assertThat(LineEncoder.encode("x\n")).isEqualTo(new byte[] {'x', '\n'});
        assertThat(LineEncoder.encode("ü")).isEqualTo(new byte[] {(byte) 0xC3, (byte) 0xBC, '\n'});
    }

    @Test
    void capabilityTextsAsDmcdHasThem() {
        assertThat(Replies.capabilityUsage("status", "check", Replies.USERNAME_ARGUMENT)).isEqualTo("Usage: /status-check <username>");
        assertThat(Replies.presence("bob@h", true)).isEqualTo("bob@h is online.");
        assertThat(Replies.presence("bob", false)).isEqualTo("bob is offline.");
        assertThat(Replies.subscribed("bob")).isEqualTo("Subscribed to bob.");
        assertThat(Replies.alreadySubscribed("bob")).isEqualTo("Already subscribed to bob.");
        assertThat(Replies.unsubscribed("bob")).isEqualTo("Unsubscribed from bob.");
        assertThat(Replies.notSubscribed("bob")).isEqualTo("Not subscribed to bob.");
        assertThat(Replies.subscriptions(List.of())).isEqualTo("Subscriptions list is empty.");
        assertThat(Replies.subscriptions(List.of("a", "b@h"))).isEqualTo("Subscriptions list: a, b@h");
        assertThat(Replies.ignoring("x")).isEqualTo("Ignoring x.");
        assertThat(Replies.stoppedIgnoring("x")).isEqualTo("Stopped ignoring x.");
        assertThat(Replies.notIgnored("x")).isEqualTo("x is not in your ignore list.");
        assertThat(Replies.ignoreList(List.of())).isEqualTo("Ignore list is empty.");
        assertThat(Replies.sessionAddresses(List.of("10.0.0.1", Replies.thisIsYou("127.0.0.1"))))
                .isEqualTo("Active session IPs: 10.0.0.1, 127.0.0.1 (this is you)");
        assertThat(Replies.uploadInfo("h", 42439, 86400, 5242880).split("\n")).startsWith(
                "HTTP upload endpoint: http://h:42439/upload", "Download URL: http://h:42439/file/<id>/<filename>",
                "Retention (TTL): 86400 seconds.", "Max file size: 5242880 bytes.");
    }
}
