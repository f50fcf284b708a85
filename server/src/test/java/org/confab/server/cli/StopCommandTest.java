package org.confab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.confab.server.testing.Cli;
import org.confab.server.testing.ServerProcess;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** confab stop against a real `confab start` process: clients told, the process ends with 0, the data stays. */
class StopCommandTest {

    @Test
    @Timeout(120)
    void stopEndsTheServerProcessGracefullyAndAStartRightAfterFindsTheData(@TempDir Path dataDir) throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            String[] config = {"--set", "data.dir=" + dataDir, "--set", "admin.port=" + server.port("admin")};
            try (TextClient c = TextClient.connect(server.port("dmconnect"))) {
                c.expectGreeting();
                c.registerAndLogin("survivor", "pw-survivor");
                c.send("/create_server kept").expect("Server 'kept' created successfully.");
                c.send("/join_server kept").expect("Joined server 'kept' successfully.", "*** survivor has joined the server.");

                Cli.Result stop = Cli.run("", with(config, "stop")).exits(0);
                assertThat(stop.out()).isEqualTo("Confab stopped.\n");
                c.expect("Server is shutting down.");
                assertThat(c.awaitClosed()).isTrue();
            }
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).as("process ended").isTrue();
            assertThat(server.process().exitValue()).isZero();
            assertThat(Cli.run("", with(config, "stop")).exits(0).out()).startsWith("Confab is not running");
        }
        try (TestServer again = TestServer.start(dataDir, Map.of()); TextClient c = again.connect()) {
            c.expectGreeting();
            c.login("survivor", "pw-survivor");
            c.send("/list_servers").expect("Servers: general, kept");
        }
    }

    private static String[] with(String[] config, String command) {
        String[] args = new String[config.length + 1];
        args[0] = command;
        System.arraycopy(config, 0, args, 1, config.length);
        return args;
    }
}
