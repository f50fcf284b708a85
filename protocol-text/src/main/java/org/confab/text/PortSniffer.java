package org.confab.text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tells apart what arrives first on the DMconnect port: a chat client, a federation peer (a JSON
 * object) or an HTTP request (the http_file_upload capability). Reads without consuming.
 */
public final class PortSniffer {

    public enum Traffic { CHAT, FEDERATION, HTTP, UNDECIDED }

    private static final List<byte[]> HTTP_METHODS = List.of("GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ")
            .stream().map(m -> m.getBytes(StandardCharsets.US_ASCII)).toList();

    private PortSniffer() {
    }

    public static Traffic classify(ByteBuffer first) {
        int start = first.position();
        int available = first.remaining();
        if (available == 0) {
            return Traffic.UNDECIDED;
        }
        if (first.get(start) == '{') {
            return Traffic.FEDERATION;
        }
        boolean maybeHttp = false;
        for (byte[] method : HTTP_METHODS) {
            int n = Math.min(method.length, available);
            boolean prefix = true;
            for (int i = 0; i < n && prefix; i++) {
                prefix = first.get(start + i) == method[i];
            }
            if (prefix && n == method.length) {
                return Traffic.HTTP;
            }
            maybeHttp |= prefix;
        }
        return maybeHttp ? Traffic.UNDECIDED : Traffic.CHAT;
    }
}
