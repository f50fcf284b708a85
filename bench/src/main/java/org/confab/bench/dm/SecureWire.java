package org.confab.bench.dm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.confab.text.secure.Handshake;
import org.confab.text.secure.SecureFrameCodec;
import org.confab.text.secure.SessionKeys;

/**
 * The encrypted DMconnect port, either side: the server sends its Diffie-Hellman value first,
 * the client answers after reading it, then every line is one AES-CBC + HMAC frame.
 */
public final class SecureWire implements DmWire {

    private static final SecureRandom RANDOM = new SecureRandom();
    // A relayed line carries a name prefix on top of the sender's 32 KB maximum.
    private static final int MAX_INBOUND_PLAINTEXT = 64 * 1024;

    private final boolean serverSide;
    private final Handshake handshake = new Handshake(RANDOM);
    private SecureFrameCodec codec;

    private SecureWire(boolean serverSide) {
        this.serverSide = serverSide;
    }

    public static SecureWire client() {
        return new SecureWire(false);
    }

    public static SecureWire server() {
        return new SecureWire(true);
    }

    @Override
    public boolean ready() {
        return codec != null;
    }

    @Override
    public byte[] opening() {
        return serverSide ? handshake.helloFrame() : new byte[0];
    }

    @Override
    public void received(ByteBuffer in, Listener listener) {
        if (codec == null) {
            SessionKeys keys = handshake.readPeerHello(in);
            if (keys == null) {
                return;
            }
            if (!serverSide) {
                listener.raw(handshake.helloFrame());
            }
            codec = new SecureFrameCodec(keys, MAX_INBOUND_PLAINTEXT);
            listener.wireReady();
        }
        String text;
        while ((text = codec.decode(in)) != null) {
            ByteBuffer lines = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            int start = 0;
            for (int i = 0; i <= lines.limit(); i++) {
                if (i == lines.limit() || lines.get(i) == '\n') {
                    if (i > start || text.isEmpty()) {
                        listener.line(lines, start, i);
                    }
                    start = i + 1;
                }
            }
        }
    }

    @Override
    public byte[] frame(String line) {
        return codec.encode(line);
    }
}
