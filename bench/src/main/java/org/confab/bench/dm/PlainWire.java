package org.confab.bench.dm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Newline-terminated UTF-8 lines; Confab ends a message at {@code \n}, so no pause is ever needed. */
public final class PlainWire implements DmWire {

    private static final byte[] NOTHING = new byte[0];

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public byte[] opening() {
        return NOTHING;
    }

    @Override
    public void received(ByteBuffer in, Listener listener) {
        int start = in.position();
        int limit = in.limit();
        for (int i = start; i < limit; i++) {
            if (in.get(i) == '\n') {
                int end = i > start && in.get(i - 1) == '\r' ? i - 1 : i;
                listener.line(in, start, end);
                start = i + 1;
            }
        }
        in.position(start);
    }

    @Override
    public byte[] frame(String line) {
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
