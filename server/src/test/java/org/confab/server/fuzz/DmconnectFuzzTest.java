package org.confab.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.Test;

/**
 * Socket-level fuzzing of the DMconnect port: random and mutated sessions, each on its own
 * connection. After every case a fresh client must be served; {@link Campaign} watches the
 * bystanders and the log.
 */
class DmconnectFuzzTest {

    private static final List<String> SESSION = List.of(
            "/register fuzzer%d pw\r\n", "/login fuzzer%d pw\r\n", "/join_server general\r\n", "hello\r\n",
            "/act waves\r\n", "/members\r\n", "/pm fuzzer0 hi\r\n", "/list_servers\r\n", "/create_server fz%d\r\n",
            "/join_server fz%d@127.0.0.9\r\n", "/help\r\n", "/list_capabilities\r\n", "/status-check x\r\n", "/\r\n");

    @Test
    void hostileSessionsNeverDisturbOthers() {
        try (Campaign campaign = Campaign.start(Map.of())) {
            TestServer server = campaign.server();
            Mutator mutator = campaign.mutator();
            campaign.run(300, i -> {
                mutator.deliver(server.dmconnectPort(), mutator.mutate(session(i)));
                try (TextClient fresh = server.connect()) {
                    fresh.send("/");
                    fresh.expectGreeting().expect("*Ping*");
                }
            });
        }
    }

    private static List<byte[]> session(int i) {
        List<byte[]> messages = new ArrayList<>();
        for (String template : SESSION) {
            messages.add(String.format(template, i).getBytes(StandardCharsets.UTF_8));
        }
        return messages;
    }
}
