package org.confab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.confab.server.admin.AdminRequest;
import org.confab.server.admin.AdminSecret;
import org.confab.server.admin.AdminWire;
import org.confab.server.testing.LogCapture;
import org.confab.server.testing.RawAdmin;
import org.confab.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin channel: loopback only, the secret file, and requests that are wrong on purpose. */
class AdminChannelSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        // Listening on every interface for clients must not put the admin port there too.
        server = TestServer.start(Map.of("listen.address", "0.0.0.0"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSecretIsWrittenOwnerOnlyAndThePortIsBoundToLoopbackOnly() throws IOException {
        Path secret = server.dataDir().resolve("admin.secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(Files.readString(secret).strip()).matches("[0-9a-f]{64}");
        InetAddress external = nonLoopbackAddress();
        assumeTrue(external != null, "this machine has no non-loopback address to try");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(external, server.server().port("admin")), 5_000);
            throw new AssertionError("the admin port answers on " + external);
        } catch (ConnectException expected) {
            // Refused: only 127.0.0.1 listens.
        }
        // The DMconnect port, on the same listen.address, does answer there.
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(external, server.dmconnectPort()), 5_000);
        }
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void aWrongSecretIsRefusedWithAClearError() throws IOException {
        Path secret = server.dataDir().resolve("admin.secret");
        String right = Files.readString(secret);
        Files.writeString(secret, "0".repeat(64) + "\n");
        try {
            var r = server.cli("blacklist", "add", "ip", "192.0.2.1").exits(1);
            assertThat(r.err()).contains("admin request refused: wrong secret");
        } finally {
            Files.writeString(secret, right);
        }
        assertThat(server.cli("blacklist", "list").exits(0).out()).isEqualTo("The blacklist is empty.\n");
    }

    @Test
    void aMissingSecretFileIsExplained() throws IOException {
        Path secret = server.dataDir().resolve("admin.secret");
        Path aside = server.dataDir().resolve("admin.secret.aside");
        Files.move(secret, aside);
        try {
            assertThat(server.cli("status").exits(1).err()).contains("there is no " + secret.toAbsolutePath());
        } finally {
            Files.move(aside, secret);
        }
    }

    @Test
    void requestsWithoutTheSecretAreRefused() throws IOException {
        JsonNode none = exchange("{\"op\":\"status\",\"args\":{}}\n");
        assertThat(none.get("ok").asBoolean()).isFalse();
        assertThat(none.get("error").asText()).isEqualTo("refused");
        assertThat(none.get("message").asText()).contains("no secret");
        JsonNode wrong = exchange("{\"secret\":\"guess\",\"op\":\"stop\",\"args\":{}}\n");
        assertThat(wrong.get("error").asText()).isEqualTo("refused");
        assertThat(server.cli("status").exits(0).out()).contains("running");
    }

    @Test
    void malformedAndOversizedRequestsGetAnErrorAndTheChannelLivesOn() throws IOException {
        assertThat(exchange("not json\n").get("error").asText()).isEqualTo("usage");
        assertThat(exchange("[1,2]\n").get("message").asText()).contains("not a JSON object");
        assertThat(exchange("{\"secret\":\"x\",\"op\":7}\n").get("message").asText()).contains("\"op\"");
        int max = server.server().config().adminMaxRequestBytes();
        JsonNode big = exchange("{" + " ".repeat(max) + "\n");
        assertThat(big.get("message").asText()).isEqualTo("admin request longer than " + max + " bytes");
        String secret = Files.readString(server.dataDir().resolve("admin.secret")).strip();
        JsonNode unknown = exchange("{\"secret\":\"" + secret + "\",\"op\":\"format-disk\",\"args\":{}}\n");
        assertThat(unknown.get("message").asText()).isEqualTo("unknown admin operation 'format-disk'");
        JsonNode missing = exchange("{\"secret\":\"" + secret + "\",\"op\":\"bans.add\",\"args\":{}}\n");
        assertThat(missing.get("message").asText()).isEqualTo("missing argument: name");
        assertThat(server.cli("status").exits(0).out()).contains("running");
    }

    /** One raw request, as a hostile local program would send it; the reply line parsed. */
    private static JsonNode exchange(String request) throws IOException {
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        int max = server.server().config().adminMaxRequestBytes();
        // Past the limit the server reads no further; sending more than it reads would reset the connection.
        return JSON.readTree(RawAdmin.exchange(server.server().port("admin"), Arrays.copyOf(bytes, Math.min(bytes.length, max + 1))));
    }

    /** A client that hangs up before its reply is its own business: nothing above DEBUG. */
    @Test
    void aClientHangingUpBeforeItsReplyIsNoWarning() throws IOException {
        byte[] request = AdminWire.requestLine(AdminSecret.read(server.dataDir()), AdminRequest.of("status"));
        try (LogCapture log = new LogCapture(Level.DEBUG)) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.server().port("admin"))) {
                // All but the newline: the server waits for the rest, so the reset (linger 0)
                // comes before any reply, however fast the server would have answered.
                s.getOutputStream().write(request, 0, request.length - 1);
                s.setSoLinger(true, 0);
            }
            log.await("Admin connection from .* ended early: .*");
            assertThat(log.messages(Level.WARN)).isEmpty();
        }
    }
}
