package org.confab.bench.floor;

import java.nio.charset.StandardCharsets;

/**
 * A line on its way to one or many clients: encoded once for every plain recipient (the bytes are
 * shared, never copied per recipient); the encrypted ones frame the text each.
 */
record OutLine(String text, byte[] plainBytes) {

    static OutLine of(String text) {
        return new OutLine(text, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
