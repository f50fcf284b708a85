package org.confab.server.secure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.confab.server.testing.SecureClient;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The encrypted port: handshake, frames both ways, shared rooms and PMs, and hostile input. */
class EncryptedPortTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SecureClient secure() {
        return SecureClient.connect("127.0.0.1", server.encryptedPort());
    }

    @Test
    void encryptedAndPlainUsersShareARoomAndPrivateMessages() {
        try (SecureClient enc = secure(); TextClient plain = server.inRoom("plainpal", "general")) {
            enc.registerAndLogin("cipher", "pw-cipher");
            enc.send("/join_server general").expect("Joined server 'general' successfully.", "*** cipher has joined the server.");
            plain.expect("*** cipher has joined the server.");

            enc.send("hello from the dark");
            enc.expect("cipher: hello from the dark");
            plain.expect("cipher: hello from the dark");

            plain.send("hello back");
            plain.expect("plainpal: hello back");
            enc.expect("plainpal: hello back");

            enc.send("/pm plainpal psst").expect("Private message sent to plainpal.");
            plain.expect("(Private) cipher: psst");
            plain.send("/pm cipher secret").expect("Private message sent to cipher.");
            enc.expect("(Private) plainpal: secret");

            enc.send("/act waves").expect("*** cipher waves");
            plain.expect("*** cipher waves");
            enc.send("/").expect("*Ping*");
        }
    }

    @Test
    void aMultiLineReplyIsOneFrame() {
        try (SecureClient enc = secure()) {
            enc.registerAndLogin("helper", "pw-helper");
            enc.send("/help");
            String[] lines = enc.readMessage().split("\n");
            assertThat(lines).hasSize(10);
            assertThat(lines[0]).startsWith("/login");
        }
    }

    @Test
    void aFrameWhoseMacFailsClosesTheConnection() {
        try (SecureClient enc = secure()) {
            enc.expect(TextClient.GREETING);
            byte[] frame = enc.frame("/register mallory pw");
            frame[frame.length - 1] ^= 1;
            enc.sendRaw(frame);
            assertThat(enc.awaitClosed()).isTrue();
        }
    }

    @Test
    void anImpossibleFrameLengthClosesTheConnection() {
        try (SecureClient enc = secure()) {
            enc.expect(TextClient.GREETING);
            enc.sendRaw(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0});
            assertThat(enc.awaitClosed()).isTrue();
        }
    }

    @Test
    void aDegenerateDiffieHellmanValueClosesTheConnection() throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.encryptedPort()), 5_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {0, 1, 1});
            assertThat(s.getInputStream().readAllBytes().length).as("only the server's hello, then the close")
                    .isLessThanOrEqualTo(2 + 96);
        }
    }
}
