package org.confab.text;

import java.nio.charset.StandardCharsets;

/** Server to client: every message is UTF-8 and ends with exactly one {@code \n}. */
public final class LineEncoder {

    private LineEncoder() {
    }

    public static byte[] encode(String message) {
        String line = message.endsWith("\n") ? message : message + "\n";
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
