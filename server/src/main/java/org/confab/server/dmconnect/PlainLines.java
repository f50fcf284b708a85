package org.confab.server.dmconnect;

import java.util.function.Function;
import org.apache.mina.core.buffer.IoBuffer;
import org.confab.text.LineEncoder;

/**
 * Encodes lines for the plain port. A room line reaches every recipient with the same String
 * (see {@link DmconnectConnection#deliver}), so the bytes of the last line encoded on this thread
 * are kept and shared: a fan-out encodes once, not once per recipient. The bytes are never
 * written to, so sharing them between buffers is safe.
 */
final class PlainLines implements Function<String, IoBuffer> {

    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    @Override
    public IoBuffer apply(String line) {
        Object[] last = LAST.get();
        if (last[0] != line) {
            last[1] = LineEncoder.encode(line);
            last[0] = line;
        }
        return IoBuffer.wrap((byte[]) last[1]);
    }
}
