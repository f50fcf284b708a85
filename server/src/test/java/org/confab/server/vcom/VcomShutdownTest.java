package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confab.binary.ConnectionDeny;
import org.confab.binary.ConnectionRequest;
import org.confab.server.testing.LogCapture;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.VcomClient;
import org.junit.jupiter.api.Test;

/** A server that stops while vCom logins are still being checked says nothing alarming about them. */
class VcomShutdownTest {

    private static final int LOGINS = 8;

    @Test
    void stoppingWithLoginsInFlightLogsNoError() {
        // An empty password is never registered, so each login costs one hash, and fails.
        // One hashing thread: the logins wait for it one after another, so when the first is
        // answered the others are still queued when the server stops.
        TestServer server = TestServer.start(Map.of("hashing.threads", "1", "login.max-failures", "1000"));
        List<VcomClient> clients = new ArrayList<>();
        try (LogCapture log = new LogCapture(Level.WARN)) {
            for (int i = 0; i < LOGINS; i++) {
                VcomClient c = server.vcom();
                clients.add(c);
                c.send(new ConnectionRequest("nobody" + i, -1, new byte[0]));
            }
            clients.get(0).expect(ConnectionDeny.class);
            server.close();
            assertThat(log.messages(Level.ERROR)).isEmpty();
        } finally {
            clients.forEach(VcomClient::close);
            server.close();
        }
    }
}
