package org.confab.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.confab.server.testing.Await;
import org.confab.server.testing.RawHttp;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /upload and GET /file/ID/NAME on the DMconnect port: the round trip and what a hostile client gets. */
class HttpUploadTest {

    private static final int MAX_FILE = 2_000;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("upload.max-file-bytes", Integer.toString(MAX_FILE),
                "upload.max-files-per-account", "5",
                // Long enough for a request and its password check on a loaded machine, short for the timeout test.
                "upload.request-timeout-seconds", "3",
                "upload.max-header-bytes", "1024",
                // An HTTP request delayed past the greeting delay would be taken for a chat client.
                "dmconnect.greeting-delay-ms", "500"));
        server.loggedIn("uploader").close();
        server.loggedIn("hoarder").close();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int port() {
        return server.dmconnectPort();
    }

    private static JsonNode json(RawHttp.Response response) throws IOException {
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void infoSaysWhereAndHowMuch() {
        try (TextClient c = server.loggedIn("infoasker")) {
            c.send("/http_file_upload").expect("/http_file_upload-info - Show upload endpoint, TTL and max file size");
            c.send("/http_file_upload-info").expect(
                    "HTTP upload endpoint: http://" + TestServer.HOST + ":" + port() + "/upload",
                    "Download URL: http://" + TestServer.HOST + ":" + port() + "/file/<id>/<filename>",
                    "Retention (TTL): 86400 seconds.",
                    "Max file size: " + MAX_FILE + " bytes.",
                    "Uploads use HTTP Basic authentication with your account name and password.");
        }
    }

    @Test
    void uploadThenDownload() throws IOException {
        byte[] content = "binary\u0000data\r\n--not a boundary\r\n".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response uploaded = RawHttp.upload(port(), "uploader", "pw-uploader", "report 2024.txt", content);
        assertThat(uploaded.status()).isEqualTo(200);
        JsonNode answer = json(uploaded);
        assertThat(answer.get("status").asText()).isEqualTo("ok");
        assertThat(answer.get("filename").asText()).isEqualTo("report2024.txt");
        assertThat(answer.get("size").asInt()).isEqualTo(content.length);
        String url = answer.get("url").asText();
        assertThat(url).isEqualTo("http://" + TestServer.HOST + ":" + port() + "/file/" + answer.get("id").asText() + "/report2024.txt");

        RawHttp.Response downloaded = RawHttp.get(port(), URI.create(url).getPath());
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(content);
        assertThat(downloaded.headers()).containsEntry("content-disposition", "attachment; filename=\"report2024.txt\"")
                .containsEntry("content-type", "text/plain").containsEntry("x-content-type-options", "nosniff");
        assertThat(server.dataDir().resolve("uploads").resolve(answer.get("id").asText())).hasBinaryContent(content);
    }

    @Test
    void namesCannotClimbOutOfTheUploadDirectory() throws IOException {
        Path outside = server.dataDir().resolve("escaped.txt");
        for (String hostile : new String[] {"../escaped.txt", "..\\\\..\\\\escaped.txt", "..", "/etc/passwd", ".hidden"}) {
            RawHttp.Response r = RawHttp.upload(port(), "hoarder", "pw-hoarder", hostile, "x".getBytes(StandardCharsets.US_ASCII));
            String name = json(r).get("filename").asText();
            assertThat(name).matches("[A-Za-z0-9_-][A-Za-z0-9._-]*").doesNotContain("..");
        }
        assertThat(outside).doesNotExist();
        try (Stream<Path> files = Files.list(server.dataDir().resolve("uploads"))) {
            assertThat(files).allMatch(f -> f.getFileName().toString().matches("[0-9a-f]{32}"));
        }
    }

    @Test
    void downloadsOfAnythingButAnUploadAreNotFound() throws IOException {
        String id = json(RawHttp.upload(port(), "uploader", "pw-uploader", "a.bin", new byte[] {1})).get("id").asText();
        assertThat(RawHttp.get(port(), "/file/" + id + "/a.bin").status()).isEqualTo(200);
        assertThat(RawHttp.get(port(), "/file/" + id + "/other.bin").status()).isEqualTo(404);
        assertThat(RawHttp.get(port(), "/file/0123456789abcdef0123456789abcdef/a.bin").status()).isEqualTo(404);
        assertThat(RawHttp.get(port(), "/file/../../confab.mv.db").status()).isEqualTo(404);
        assertThat(RawHttp.get(port(), "/file/..%2f..%2fconfab.mv.db/x").status()).isEqualTo(404);
        assertThat(RawHttp.get(port(), "/file/" + id).status()).isEqualTo(404);
        assertThat(RawHttp.get(port(), "/elsewhere").status()).isEqualTo(404);
        assertThat(RawHttp.get(port(), "/upload").status()).isEqualTo(405);
    }

    @Test
    void uploadsNeedTheAccountsCredentials() throws IOException {
        RawHttp.Response anonymous = RawHttp.upload(port(), null, null, "a.txt", new byte[] {1});
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(json(anonymous).get("reason").asText()).isEqualTo("authentication_required");
        assertThat(RawHttp.upload(port(), "uploader", "wrong", "a.txt", new byte[] {1}).status()).isEqualTo(401);
    }

    @Test
    void hostileRequestsGetClearAnswers() throws IOException {
        RawHttp.Response tooBig = RawHttp.upload(port(), "uploader", "pw-uploader", "big.bin", new byte[MAX_FILE + 1]);
        assertThat(tooBig.status()).isEqualTo(413);
        // Refused on its headers alone: the body is never sent.
        RawHttp.Response huge = RawHttp.exchange(port(), ("POST /upload HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                + "Content-Length: 999999999\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(huge.status()).isEqualTo(413);
        RawHttp.Response noLength = RawHttp.exchange(port(), ("POST /upload HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(noLength.status()).isEqualTo(411);
        RawHttp.Response notMultipart = RawHttp.exchange(port(),
                RawHttp.request("POST", "/upload", "text/plain", "uploader", "pw-uploader", new byte[] {1, 2}));
        assertThat(notMultipart.status()).isEqualTo(415);
        RawHttp.Response unclosed = RawHttp.exchange(port(), RawHttp.request("POST", "/upload", "multipart/form-data; boundary=b",
                "uploader", "pw-uploader", "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\ndata".getBytes(StandardCharsets.US_ASCII)));
        assertThat(unclosed.status()).isEqualTo(400);
        assertThat(json(unclosed).get("reason").asText()).isEqualTo("bad_multipart");
        RawHttp.Response noFile = RawHttp.exchange(port(), RawHttp.request("POST", "/upload", "multipart/form-data; boundary=b",
                "uploader", "pw-uploader", "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\ndata\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(json(noFile).get("reason").asText()).isEqualTo("no_file_part");
        RawHttp.Response bigHeaders = RawHttp.exchange(port(), ("GET /file/x/y HTTP/1.1\r\nX-Padding: " + "a".repeat(2_000) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(bigHeaders.status()).isEqualTo(431);
        RawHttp.Response garbage = RawHttp.exchange(port(), "GET nonsense\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void aPartWithoutHeadersIsNoFile() throws IOException {
        // Found by HttpUploadFuzzTest: such a part was answered 500 with an exception in the log.
        RawHttp.Response skipped = RawHttp.exchange(port(), RawHttp.request("POST", "/upload", "multipart/form-data; boundary=b",
                "uploader", "pw-uploader", ("--b\r\n\r\nno headers\r\n--b\r\nContent-Disposition: form-data; name=\"f\"; "
                        + "filename=\"x.txt\"\r\n\r\ndata\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII)));
        assertThat(skipped.status()).isEqualTo(200);
        assertThat(json(skipped).get("filename").asText()).isEqualTo("x.txt");
        assertThat(json(skipped).get("size").asInt()).isEqualTo(4);
        RawHttp.Response alone = RawHttp.exchange(port(), RawHttp.request("POST", "/upload", "multipart/form-data; boundary=b",
                "uploader", "pw-uploader", "--b\r\n\r\nno headers\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(alone.status()).isEqualTo(400);
        assertThat(json(alone).get("reason").asText()).isEqualTo("no_file_part");
    }

    @Test
    void aLongQuotedFileNameIsCutNotFatal() throws IOException {
        // Found by HttpUploadFuzzTest: the name's pattern recursed once per character and overflowed the stack (500).
        RawHttp.Response r = RawHttp.upload(port(), "uploader", "pw-uploader", "n".repeat(15_000), new byte[] {1});
        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("filename").asText()).isEqualTo("n".repeat(255));
        RawHttp.Response escaped = RawHttp.upload(port(), "uploader", "pw-uploader", "\\e".repeat(7_000), new byte[] {1});
        assertThat(escaped.status()).isEqualTo(200);
        assertThat(json(escaped).get("filename").asText()).isEqualTo("e".repeat(255));
    }

    @Test
    void aRequestThatNeverEndsTimesOut() throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port()), 5_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /upload HTTP/1.1\r\nContent-Le".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 408 ");
        }
    }

    @Test
    void anAccountKeepsOnlySoManyFiles() {
        try (TextClient c = server.loggedIn("quota")) {
            for (int i = 0; i < 5; i++) {
                assertThat(RawHttp.upload(port(), "quota", "pw-quota", "f" + i, new byte[] {1}).status()).isEqualTo(200);
            }
            RawHttp.Response over = RawHttp.upload(port(), "quota", "pw-quota", "f5", new byte[] {1});
            assertThat(over.status()).isEqualTo(403);
            assertThat(over.text()).contains("quota_exceeded");
        }
    }

    @Test
    void filesExpireAfterTheRetention() throws IOException {
        try (TestServer shortLived = TestServer.start(Map.of("upload.retention-seconds", "1", "upload.sweep-interval-seconds", "1",
                "dmconnect.greeting-delay-ms", "500"))) {
            shortLived.loggedIn("ephemeral").close();
            JsonNode answer = json(RawHttp.upload(shortLived.dmconnectPort(), "ephemeral", "pw-ephemeral", "gone.txt", new byte[] {1}));
            String path = URI.create(answer.get("url").asText()).getPath();
            Path file = shortLived.dataDir().resolve("uploads").resolve(answer.get("id").asText());
            Await.until(() -> !Files.exists(file), "the sweep deletes the expired upload");
            assertThat(file).doesNotExist();
            assertThat(RawHttp.get(shortLived.dmconnectPort(), path).status()).isEqualTo(404);
        }
    }
}
