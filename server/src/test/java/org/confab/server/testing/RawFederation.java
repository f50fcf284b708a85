package org.confab.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A federation request written by hand, as a peer (or a forger) would send it; returns the answer line. */
public final class RawFederation {

    private RawFederation() {
    }

    public static String request(String host, int port, String json) {
        return exchange(host, port, (json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Exactly these bytes, newline included. */
    public static String exchange(String host, int port, byte[] request) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5_000);
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request);
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.endsWith("\n") ? answer.substring(0, answer.length() - 1) : answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
