package org.confab.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.confab.server.testing.RawHttp;
import org.confab.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Socket-level fuzzing of HTTP upload and download, which the DMconnect port tells apart by their
 * first bytes. Each case is an upload or a download request, mutated line by line: Content-Length
 * huge, negative, garbage or twice, chunked bodies the server does not take, broken multipart,
 * headers over the limit. After every case a fresh, valid upload must succeed; {@link Campaign}
 * watches the bystanders and the log.
 */
class HttpUploadFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<byte[]> HOSTILE_LINES = Mutator.units(
            "Content-Length: -1\r\n", "Content-Length: 99999999999999999999999\r\n", "Content-Length: 9223372036854775807\r\n",
            "Content-Length: 2147483648\r\n", "Content-Length: 0x10\r\n", "Content-Length: +5\r\n", "Content-Length: 5, 5\r\n",
            "Content-Length:\r\n", "Content-Length: 0\r\n", "Content-Length: 4000000\r\n", "Transfer-Encoding: chunked\r\n",
            "ffffffffffffffff\r\n", "-1\r\n", "0\r\n\r\n", "Expect: 100-continue\r\n", " folded\r\n", "\r\n", ": empty name\r\n",
            "Content-Type: multipart/form-data; boundary=\"\"\r\n", "Content-Type: multipart/form-data; boundary=" + "b".repeat(71) + "\r\n",
            "Content-Type: multipart/form-data\r\n", "Authorization: Basic !!!\r\n", "Authorization: Basic Og==\r\n",
            "Authorization: Bearer x\r\n", "GET /file/../../confab.mv.db HTTP/1.1\r\n", "POST /upload HTTP/1.0\r\n",
            "POST /upload HTTP/2\r\n", "POST /upload?x=1 HTTP/1.1\r\n", "X-Padding: " + "a".repeat(9_000) + "\r\n", "--b--\r\n",
            "Content-Disposition: form-data; name=\"file\"; filename=\"../../x\"\r\n",
            "Content-Disposition: form-data; name=\"file\"; filename=\r\n");

    @Test
    void hostileRequestsNeverDisturbOthers() throws IOException {
        // An HTTP request that reached the server after the greeting delay would be taken for a chat client.
        try (Campaign campaign = Campaign.start(Map.of("dmconnect.greeting-delay-ms", "500", "upload.max-file-bytes", "4096",
                "upload.max-files-per-account", "1000000"))) {
            TestServer server = campaign.server();
            Mutator mutator = campaign.mutator();
            int port = server.dmconnectPort();
            server.loggedIn("uploader").close();
            server.loggedIn("hostile").close();
            String download = URI.create(uploaded(RawHttp.upload(port, "hostile", "pw-hostile", "seed.txt", new byte[] {1}))
                    .get("url").asText()).getPath();
            campaign.run(300, i -> {
                boolean upload = i % 2 == 0;
                byte[] valid = upload
                        ? RawHttp.uploadRequest("hostile", "pw-hostile", "f" + i + ".txt", ("case " + i).getBytes(StandardCharsets.UTF_8))
                        : ("GET " + download + " HTTP/1.1\r\nHost: test\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] hostile = mutator.mutate(Mutator.unitsOf(valid, '\n'), HOSTILE_LINES);
                mutator.deliver(port, mutator.mostlyStartingWith((upload ? "POST " : "GET ").getBytes(StandardCharsets.US_ASCII), hostile));
                byte[] content = ("fresh " + i).getBytes(StandardCharsets.UTF_8);
                assertThat(uploaded(RawHttp.upload(port, "uploader", "pw-uploader", "fresh.txt", content)).get("size").asInt())
                        .isEqualTo(content.length);
            });
        }
    }

    private static JsonNode uploaded(RawHttp.Response response) throws IOException {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("status").asText()).isEqualTo("ok");
        return answer;
    }
}
