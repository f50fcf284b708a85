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
 * first bytes. Cases take turns: a whole upload request mutated line by line (Content-Length
 * huge, negative, garbage or twice, chunked bodies the server does not take, headers over the
 * limit); an upload whose multipart body alone is mutated, under a well-formed head with the
 * body's length, so that the body parser meets the damage (such a request must be answered, with
 * 200, 400 or 413); and a download mutated. After every case a fresh, valid upload must succeed;
 * {@link Campaign} watches the bystanders and the log.
 */
class HttpUploadFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FILE = 4096;
    /** The most an upload's body may have: the file and HttpChannel's room for the multipart framing. */
    private static final int MAX_BODY = MAX_FILE + 16 * 1024;
    private static final List<byte[]> HOSTILE_LINES = Mutator.units(
            "Content-Length: -1\r\n", "Content-Length: 99999999999999999999999\r\n", "Content-Length: 9223372036854775807\r\n",
            "Content-Length: 2147483648\r\n", "Content-Length: 0x10\r\n", "Content-Length: +5\r\n", "Content-Length: 5, 5\r\n",
            "Content-Length:\r\n", "Content-Length: 0\r\n", "Content-Length: 4000000\r\n", "Transfer-Encoding: chunked\r\n",
            "ffffffffffffffff\r\n", "-1\r\n", "0\r\n\r\n", "Expect: 100-continue\r\n", " folded\r\n", "\r\n", ": empty name\r\n",
            "Content-Type: multipart/form-data; boundary=\"\"\r\n", "Content-Type: multipart/form-data; boundary=" + "b".repeat(71) + "\r\n",
            "Content-Type: multipart/form-data\r\n", "Authorization: Basic !!!\r\n", "Authorization: Basic Og==\r\n",
            "Authorization: Bearer x\r\n", "GET /file/../../confab.mv.db HTTP/1.1\r\n", "POST /upload HTTP/1.0\r\n",
            "POST /upload HTTP/2\r\n", "POST /upload?x=1 HTTP/1.1\r\n", "X-Padding: " + "a".repeat(9_000) + "\r\n");
    private static final String DELIMITER = "--" + RawHttp.BOUNDARY;
    private static final List<byte[]> HOSTILE_BODY_LINES = Mutator.units(
            DELIMITER + "\r\n", DELIMITER + "--\r\n", DELIMITER, "\r\n", "\r\n" + DELIMITER + "\r\n\r\n",
            "Content-Disposition: form-data; name=\"file\"; filename=\"../../x\"\r\n",
            "Content-Disposition: form-data; name=\"file\"; filename=\r\n", "Content-Disposition: form-data; filename=\"a\\\"b\"\r\n",
            "Content-Disposition: form-data; filename=\"\u00e9\u0000\"\r\n", "Content-Type: text/html\r\n", "x".repeat(5_000) + "\r\n");

    @Test
    void hostileRequestsNeverDisturbOthers() throws IOException {
        // An HTTP request that reached the server after the greeting delay would be taken for a chat client.
        try (Campaign campaign = Campaign.start(Map.of("dmconnect.greeting-delay-ms", "500",
                "upload.max-file-bytes", Integer.toString(MAX_FILE), "upload.max-files-per-account", "1000000"))) {
            TestServer server = campaign.server();
            Mutator mutator = campaign.mutator();
            int port = server.dmconnectPort();
            server.loggedIn("uploader").close();
            server.loggedIn("hostile").close();
            String download = URI.create(uploaded(RawHttp.upload(port, "hostile", "pw-hostile", "seed.txt", new byte[] {1}))
                    .get("url").asText()).getPath();
            byte[] get = bytes("GET " + download + " HTTP/1.1\r\nHost: test\r\n\r\n");
            campaign.run(300, i -> {
                byte[] body = RawHttp.multipartBody("f" + i + ".txt", ("case " + i).getBytes(StandardCharsets.UTF_8));
                if (i % 3 == 0) {
                    byte[] hostile = mutator.mutate(Mutator.unitsOf(RawHttp.uploadRequest("hostile", "pw-hostile", body), '\n'),
                            HOSTILE_LINES);
                    mutator.deliver(port, mutator.mostlyStartingWith(bytes("POST "), hostile));
                } else if (i % 3 == 1) {
                    byte[] mangled = mutator.mutate(Mutator.unitsOf(body, '\n'), HOSTILE_BODY_LINES);
                    byte[] hostile = RawHttp.uploadRequest("hostile", "pw-hostile", mangled);
                    if (mangled.length <= MAX_BODY) {
                        // Whole and within every limit of the head: the server must take it all and answer.
                        assertThat(RawHttp.exchange(port, hostile).status()).isIn(200, 400, 413);
                    } else {
                        mutator.deliver(port, hostile);
                    }
                } else {
                    byte[] hostile = mutator.mutate(Mutator.unitsOf(get, '\n'), HOSTILE_LINES);
                    mutator.deliver(port, mutator.mostlyStartingWith(bytes("GET "), hostile));
                }
                byte[] content = ("fresh " + i).getBytes(StandardCharsets.UTF_8);
                assertThat(uploaded(RawHttp.upload(port, "uploader", "pw-uploader", "fresh.txt", content)).get("size").asInt())
                        .isEqualTo(content.length);
            });
        }
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    private static JsonNode uploaded(RawHttp.Response response) throws IOException {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("status").asText()).isEqualTo("ok");
        return answer;
    }
}
