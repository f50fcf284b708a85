package org.confab.bench.dm;

import java.nio.ByteBuffer;

/**
 * The text every benchmark message carries: {@code ~ID NANOS}, a unique id and the sender's
 * System.nanoTime when it was written (sender and receivers live in one process). Relayed room
 * lines arrive as {@code NAME: ~ID NANOS}; names never contain ':' or '~'.
 */
public final class Payload {

    private Payload() {
    }

    public static String text(long id, long sentNanos) {
        return "~" + id + " " + sentNanos;
    }

    /**
     * Finds a payload in bytes {@code from..to} of {@code buf} (after a {@code ": "} prefix, or at
     * the start for raw vCom data) and writes id and nanos into {@code out}.
     *
     * @return false when the line carries no payload (notices, replies)
     */
    public static boolean parse(ByteBuffer buf, int from, int to, long[] out) {
        int i = from;
        while (i < to && buf.get(i) != '~') {
            i++;
        }
        if (i == to || i > from && (i < from + 2 || buf.get(i - 1) != ' ' || buf.get(i - 2) != ':')) {
            return false;
        }
        i++;
        long id = 0;
        int digits = 0;
        for (; i < to && buf.get(i) != ' '; i++, digits++) {
            byte b = buf.get(i);
            if (b < '0' || b > '9') {
                return false;
            }
            id = id * 10 + (b - '0');
        }
        if (digits == 0 || i == to) {
            return false;
        }
        i++;
        long nanos = 0;
        boolean negative = i < to && buf.get(i) == '-';
        if (negative) {
            i++;
        }
        digits = 0;
        for (; i < to; i++, digits++) {
            byte b = buf.get(i);
            if (b < '0' || b > '9') {
                return false;
            }
            nanos = nanos * 10 + (b - '0');
        }
        if (digits == 0) {
            return false;
        }
        out[0] = id;
        out[1] = negative ? -nanos : nanos;
        return true;
    }
}
