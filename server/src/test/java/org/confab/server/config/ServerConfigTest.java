package org.confab.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.confab.binary.VcomLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerConfig c = ServerConfig.of(Map.of());
        assertThat(c.dmconnectPort()).isEqualTo(42439);
        assertThat(c.dmconnectPingReply()).isEqualTo("*Ping*");
        assertThat(c.dmconnectMaxMessageBytes()).isEqualTo(32768);
        assertThat(c.serverHost()).isEqualTo("localhost");
        assertThat(c.adminAccount()).isEmpty();
        assertThat(c.registrationOpen()).isTrue();
        assertThat(c.passwordParameters().memoryKib()).isEqualTo(19456);
        assertThat(c.dmconnectEncryptedPort()).isEqualTo(42440);
        assertThat(c.federationPeerPort()).isEqualTo(42439);
        assertThat(c.federationEnabled()).isTrue();
        assertThat(c.uploadMaxFileBytes()).isEqualTo(5 * 1024 * 1024);
        assertThat(c.uploadRetentionSeconds()).isEqualTo(24 * 60 * 60);
        assertThat(c.adminPort()).isEqualTo(42450);
        assertThat(c.adminMaxRequestBytes()).isEqualTo(65536);
        assertThat(c.adminRequestTimeoutMs()).isEqualTo(10000);
    }

    @Test
    void vcomDefaultsAreTheSpecsLimits() {
        ServerConfig c = ServerConfig.of(Map.of());
        assertThat(c.vcomPort()).isEqualTo(42441);
        assertThat(c.vcomPlainPort()).isEmpty();
        assertThat(c.vcomKeystore()).isEmpty();
        assertThat(c.vcomLimits()).isEqualTo(VcomLimits.defaults());
        assertThat(c.vcomMaxBufferedBytes()).isEqualTo(1 << 20);
        assertThat(c.vcomTransferWindowBytes()).isEqualTo(65536);
        assertThat(ServerConfig.of(Map.of("vcom.plain-port", "0")).vcomPlainPort()).hasValue(0);
    }

    @Test
    void vcomBoundsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> ServerConfig.of(Map.of("vcom.max-buffered-bytes", "50000")))
                .hasMessageContaining("vcom.max-buffered-bytes");
        assertThatThrownBy(() -> ServerConfig.of(Map.of("vcom.transfer-window-bytes", "1000000")))
                .hasMessageContaining("vcom.transfer-window-bytes");
        assertThatThrownBy(() -> ServerConfig.of(Map.of("vcom.max-chunk-bytes", "70000")))
                .hasMessageContaining("vcom.max-chunk-bytes");
        assertThatThrownBy(() -> ServerConfig.of(Map.of("vcom.plain-port", "x"))).hasMessageContaining("vcom.plain-port");
    }

    @Test
    void fileThenOverrides(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "server.host=chat.example\ndmconnect.port=5000\n");
        ServerConfig c = ServerConfig.load(file, Map.of("dmconnect.port", "0"));
        assertThat(c.serverHost()).isEqualTo("chat.example");
        assertThat(c.dmconnectPort()).isZero();
    }

    @Test
    void unknownKeysAreRefusedByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "dmconect.port=1\n");
        assertThatThrownBy(() -> ServerConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dmconect.port");
        assertThatThrownBy(() -> ServerConfig.of(Map.of("nope", "1"))).hasMessageContaining("nope");
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> ServerConfig.of(Map.of("dmconnect.port", "70000"))).hasMessageContaining("dmconnect.port");
        assertThatThrownBy(() -> ServerConfig.of(Map.of("dmconnect.port", "abc"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> ServerConfig.of(Map.of("registration.open", "yes"))).hasMessageContaining("true or false");
        assertThatThrownBy(() -> ServerConfig.of(Map.of("server.host", "a@b"))).hasMessageContaining("server.host");
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> ServerConfig.load(dir.resolve("absent.properties"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("absent.properties");
    }
}
