package org.confab.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.confab.server.admin.AdminRequest;
import org.confab.server.admin.AdminSecret;
import org.confab.server.admin.AdminWire;
import org.confab.server.testing.RawAdmin;
import org.confab.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Socket-level fuzzing of the admin channel. Each case is one request, with the right secret, of
 * an operation that cannot touch the bystanders (no stop, broadcast, whitelist mode, address
 * entries or kicks by session id), mutated member by member: wrong, empty and mistyped secrets,
 * values of the wrong type, lines over the limit, nesting too deep. A case that is one whole line
 * must be answered with a reply object; after every case a request with the right secret, as the
 * CLI sends it, must get its answer; {@link Campaign} watches the bystanders and the log.
 */
class AdminChannelFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hostileRequestsNeverDisturbOthers() throws IOException {
        try (Campaign campaign = Campaign.start(Map.of())) {
            TestServer server = campaign.server();
            Mutator mutator = campaign.mutator();
            int port = server.server().port("admin");
            String secret = AdminSecret.read(server.dataDir());
            List<byte[]> hostile = Mutator.units("\"secret\":\"wrong\",", "\"secret\":\"\",", "\"secret\":null,",
                    "\"secret\":1e999,", "\"secret\":[\"" + secret + "\"],", "\"secret\":\"" + secret + "0\",",
                    "\"secret\":\"" + secret.toUpperCase(Locale.ROOT) + "\",", "\"op\":null,", "\"op\":7,", "\"op\":\"format-disk\",",
                    "\"args\":[],", "\"args\":{\"name\":-99999999999999999999999999},", "\"args\":{\"name\":{\"a\":[[[[1]]]]}},",
                    "\"args\":{\"name\":\"\\u0000\"},", "\"args\":{\"password\":\"" + "p".repeat(60_000) + "\"},",
                    "\"operator\":\"" + "o".repeat(5_000) + "\",", "\"operator\":{},", "[".repeat(5_000), "\n");
            campaign.run(300, i -> {
                List<AdminRequest> requests = requests("fuzzacct" + i % 3, "fza" + i % 3, "fuzzbad" + i % 3);
                byte[] valid = AdminWire.requestLine(secret, requests.get(i % requests.size()));
                byte[] request = mutator.mutate(Mutator.unitsOf(valid, ','), hostile);
                if (answered(request, server.server().config().adminMaxRequestBytes())) {
                    String reply = RawAdmin.exchange(port, request);
                    assertThat(reply).as("the reply to %s", new String(request, StandardCharsets.UTF_8)).isNotNull();
                    assertThat(JSON.readTree(reply).has("ok")).as(reply).isTrue();
                } else {
                    mutator.deliver(port, request);
                }
                String reply = RawAdmin.exchange(port, AdminWire.requestLine(secret, AdminRequest.of("sessions.list")));
                assertThat(AdminWire.parseReply(reply).data().findValuesAsText("account")).contains(Campaign.BYSTANDER);
            });
        }
    }

    /**
     * Whether the server must answer this case: one line within the limit, all of which the server
     * reads (nothing after the newline that could reset the connection before the reply is read).
     */
    private static boolean answered(byte[] request, int maxBytes) {
        for (int i = 0; i < request.length; i++) {
            if (request[i] == '\n') {
                return i == request.length - 1 && i <= maxBytes;
            }
        }
        return false;
    }

    private static List<AdminRequest> requests(String account, String room, String user) {
        return List.of(
                AdminRequest.of("status"),
                AdminRequest.of("accounts.create", "name", account, AdminRequest.PASSWORD, "pw"),
                AdminRequest.of("accounts.show", "name", account),
                AdminRequest.of("accounts.reset-password", "name", account, AdminRequest.PASSWORD, "pw2"),
                AdminRequest.of("bans.add", "name", account, "reason", "fuzz"),
                AdminRequest.of("bans.list"),
                AdminRequest.of("bans.remove", "name", account),
                AdminRequest.of("sessions.kick", "account", account),
                AdminRequest.of("accounts.delete", "name", account),
                AdminRequest.of("accounts.list"),
                AdminRequest.of("sessions.list"),
                AdminRequest.of("rooms.create", "name", room),
                AdminRequest.of("rooms.list"),
                AdminRequest.of("rooms.delete", "name", room),
                AdminRequest.of("blacklist.add", "type", "user", "value", user),
                AdminRequest.of("blacklist.list"),
                AdminRequest.of("blacklist.remove", "type", "user", "value", user),
                AdminRequest.of("whitelist.add", "type", "user", "value", user),
                AdminRequest.of("whitelist.list"),
                AdminRequest.of("whitelist.remove", "type", "user", "value", user));
    }
}
