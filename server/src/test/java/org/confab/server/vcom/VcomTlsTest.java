package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.confab.server.ConfabServer;
import org.confab.server.testing.LogCapture;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.VcomClient;
import org.confab.server.tls.TlsMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vCom port speaks TLS 1.2 or 1.3 with a certificate generated once and kept. */
class VcomTlsTest {

    @Test
    void theGeneratedCertificateIsPrivateLoggedAndKeptAcrossRestarts() throws Exception {
        try (TestServer server = TestServer.start()) {
            Path file = server.dataDir().resolve(TlsMaterial.GENERATED_FILE);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String fingerprint = fingerprint(server);
            try (LogCapture log = LogCapture.of(VcomPort.class)) {
                server.restart();
                log.await("vCom TLS certificate from " + file.toAbsolutePath() + ", SHA-256 fingerprint " + fingerprint);
            }
            assertThat(fingerprint(server)).isEqualTo(fingerprint);
            try (VcomClient c = server.vcom("tls1")) {
                c.expectNothingMore();
            }
        }
    }

    @Test
    void onlyTls12AndNewerAreOffered() throws Exception {
        try (TestServer server = TestServer.start()) {
            for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
                try (VcomClient c = VcomClient.connect(server.vcomPort(), VcomClient.trusting(server.dataDir()), protocol)) {
                    assertThat(((SSLSocket) c.socket()).getSession().getProtocol()).isEqualTo(protocol);
                    c.login("tls2", "pw");
                }
            }
            TlsMaterial material = TlsMaterial.load(Optional.empty(), new char[0], server.dataDir(), "x");
            assertThat(new VcomTls(material.sslContext()).createEngine().getEnabledProtocols())
                    .containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
        }
    }

    @Test
    void aConfiguredKeystoreIsUsedAndNothingIsGenerated(@TempDir Path elsewhere) throws Exception {
        TlsMaterial own = TlsMaterial.load(Optional.empty(), new char[0], elsewhere, "chat.example");
        Path keystore = Files.move(own.source(), elsewhere.resolve("own.p12"));
        try (TestServer server = TestServer.start(Map.of("vcom.tls.keystore", keystore.toString(),
                "vcom.tls.keystore-password", new String(TlsMaterial.GENERATED_PASSWORD)))) {
            assertThat(server.dataDir().resolve(TlsMaterial.GENERATED_FILE)).doesNotExist();
            Files.copy(keystore, server.dataDir().resolve(TlsMaterial.GENERATED_FILE)); // for the test client to trust
            try (VcomClient c = server.vcom("tls3")) {
                assertThat(certificateFingerprint((SSLSocket) c.socket())).isEqualTo(own.fingerprint());
            }
        }
    }

    @Test
    void thePlainPortIsOffUnlessConfigured() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.server().ports()).containsOnlyKeys("dmconnect", "dmconnect-encrypted", "vcom", "admin");
        }
        try (TestServer server = TestServer.start(Map.of("vcom.plain-port", "0"))) {
            assertThat(server.server().ports()).containsOnlyKeys("dmconnect", "dmconnect-encrypted", "vcom", "vcom-plain", "admin");
            assertThatThrownBy(() -> VcomClient.connect(server.server().port("vcom-plain"),
                    VcomClient.trusting(server.dataDir()), "TLSv1.3")).hasCauseInstanceOf(SSLException.class);
        }
    }

    private static String fingerprint(TestServer server) {
        ConfabServer s = server.server();
        try (VcomClient c = VcomClient.connect(s.port("vcom"), VcomClient.trusting(server.dataDir()), "TLSv1.3")) {
            return certificateFingerprint((SSLSocket) c.socket());
        }
    }

    private static String certificateFingerprint(SSLSocket socket) {
        try {
            byte[] der = socket.getSession().getPeerCertificates()[0].getEncoded();
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
