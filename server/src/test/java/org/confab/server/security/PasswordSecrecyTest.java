package org.confab.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.confab.server.testing.LogCapture;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;

/** Passwords are never stored or logged in clear, at any log level. */
class PasswordSecrecyTest {

    private static final String PASSWORD = "Tr0ub4dor-and-3";

    @Test
    void neitherTheDatabaseNorTheLogsHoldThePassword() throws Exception {
        Path dataDir;
        try (LogCapture log = new LogCapture(Level.TRACE); TestServer server = TestServer.start()) {
            dataDir = server.dataDir();
            try (TextClient c = server.connect()) {
                c.expectGreeting();
                c.register("secretive", PASSWORD);
                c.login("secretive", PASSWORD);
                c.send("/pm nobody-here x").expect("User does not exist.");
            }
            try (TextClient c = server.connect()) {
                c.expectGreeting();
                c.send("/login secretive wrong-" + PASSWORD).expect("Invalid username or password.");
            }
            server.close();
            assertThat(log.messages(Level.TRACE)).isNotEmpty()
                    .noneMatch(m -> m.contains(PASSWORD))
                    .noneMatch(m -> m.contains(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8))));
        }
        try (var files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(raw).as(file.toString()).doesNotContain(PASSWORD);
            }
        }
    }
}
