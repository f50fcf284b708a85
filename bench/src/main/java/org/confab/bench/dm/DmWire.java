package org.confab.bench.dm;

import java.nio.ByteBuffer;

/** How DMconnect lines travel on one connection: plain, or in the encrypted port's frames. */
public sealed interface DmWire permits PlainWire, SecureWire {

    /** What a wire reports upward. */
    interface Listener {
        /** One line without its newline, as bytes {@code from} (inclusive) to {@code to} of {@code buf}. */
        void line(ByteBuffer buf, int from, int to);

        /** The wire can carry lines from now on. */
        void wireReady();

        /** Bytes the wire itself must send (the encrypted port's handshake). */
        void raw(byte[] bytes);
    }

    /** Whether lines may be sent yet. */
    boolean ready();

    /** What to send as soon as the connection opens; empty when the other side speaks first. */
    byte[] opening();

    /** Consumes complete lines (or frames) from {@code in}, leaving a partial one in place. */
    void received(ByteBuffer in, Listener listener);

    /** One line, framed for this wire. */
    byte[] frame(String line);
}
