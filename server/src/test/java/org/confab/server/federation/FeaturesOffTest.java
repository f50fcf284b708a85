package org.confab.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.confab.server.testing.RawFederation;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;

/** A private server: no federation, no HTTP upload. */
class FeaturesOffTest {

    @Test
    void otherHostsAndHttpAreRefused() throws IOException {
        try (TestServer server = TestServer.start(Map.of("federation.enabled", "false", "upload.enabled", "false",
                "dmconnect.greeting-delay-ms", "500"));
             TextClient c = server.loggedIn("private")) {
            c.send("/list_capabilities").expect("Capabilities: status, ignore, sessions, vcom. Use /CAPABILITY_NAME for help.");
            c.send("/pm bob@127.0.0.2 hi").expect("Failed to send private message to bob@127.0.0.2.");
            c.send("/join_server general@127.0.0.2").expect("Server does not exist.");
            assertThat(RawFederation.request("127.0.0.1", server.dmconnectPort(), "{\"type\": \"s2s_ping\", \"from_host\": \"x\"}"))
                    .isEqualTo("{\"status\":\"error\",\"reason\":\"federation_disabled\"}");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", server.dmconnectPort()), 5_000);
                s.setSoTimeout(10_000);
                s.getOutputStream().write("GET /file/x/y HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 404 ");
            }
        }
    }
}
