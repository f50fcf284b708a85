package org.confab.server.federation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.confab.text.federation.FederationCodec;
import org.confab.text.federation.FederationRequest;
import org.confab.text.federation.FederationResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One federation exchange over one connection, as DMCD expects it: connect to the host's peer
 * port, write the request line in a single write right away (DMCD peeks at the first bytes for
 * half a second and parses them as they are), read one line back. Blocking: callers run it on a
 * federation executor, never on an I/O thread.
 */
final class PeerClient {

    private static final Logger log = LoggerFactory.getLogger(PeerClient.class);

    private final FederationCodec codec;
    private final int port;
    private final int connectTimeoutMs;

    PeerClient(FederationCodec codec, int port, int connectTimeoutMs) {
        this.codec = codec;
        this.port = port;
        this.connectTimeoutMs = connectTimeoutMs;
    }

    /**
     * @param line the encoded request, without its newline
     * @param readTimeoutMs how long the whole answer may take once connected
     * @throws IOException if the host cannot be reached, closes without answering or is too slow
     * @throws org.confab.text.federation.FederationException if the answer is not one
     */
    FederationResponse exchange(String host, FederationRequest request, String line, int readTimeoutMs) throws IOException {
        String answer = exchangeOnce(host, line, readTimeoutMs);
        if (!answer.startsWith("{")) {
            // The host greeted a chat client: on a busy host the request came after its greeting
            // delay, so the connection was taken for chat and the request never acted on. Once
            // more on a new connection is safe, and usually in time.
            log.debug("{} answered {} as a chat client; sending it again", host, request.getClass().getSimpleName());
            answer = exchangeOnce(host, line, readTimeoutMs);
        }
        return codec.parseResponse(answer, request.responseType());
    }

    private String exchangeOnce(String host, String line, int readTimeoutMs) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            return readLine(socket, readTimeoutMs);
        }
    }

    /** Up to the first newline, or what came before the peer closed; within one deadline in all. */
    private static String readLine(Socket socket, int timeoutMs) throws IOException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        byte[] chunk = new byte[4096];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new SocketTimeoutException("no answer within " + timeoutMs + " ms");
            }
            socket.setSoTimeout((int) left);
            int n = in.read(chunk);
            if (n < 0) {
                if (line.size() == 0) {
                    throw new IOException("closed without an answer");
                }
                return line.toString(StandardCharsets.UTF_8);
            }
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    line.write(chunk, 0, i);
                    return line.toString(StandardCharsets.UTF_8);
                }
            }
            line.write(chunk, 0, n);
            if (line.size() > FederationCodec.MAX_LINE_BYTES) {
                throw new IOException("answer longer than " + FederationCodec.MAX_LINE_BYTES + " bytes");
            }
        }
    }
}
