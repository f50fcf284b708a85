package org.confab.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLSocket;

/**
 * Turns well-formed sessions into hostile ones: random bytes, bit flips, truncations,
 * duplicated and reordered messages, huge and negative lengths spliced in. Deterministic for a
 * seed, so that any failing case can be replayed.
 */
final class Mutator {

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** One fuzz case built from a valid session given as its messages (each one wire unit). */
    byte[] mutate(List<byte[]> messages) {
        return mutate(messages, List.of());
    }

    /**
     * The same, but a third of the cases are the session with units of {@code hostile} put in place
     * of some of its own or between them: what no valid session holds, such as absurd lengths,
     * contradictory headers or values of the wrong type, each still a unit the peer will parse.
     */
    byte[] mutate(List<byte[]> messages, List<byte[]> hostile) {
        if (!hostile.isEmpty() && random.nextInt(3) == 0) {
            return concat(spliceUnits(messages, hostile));
        }
        return switch (random.nextInt(7)) {
            case 0 -> randomBytes(1 + random.nextInt(4096));
            case 1 -> flipBits(concat(messages));
            case 2 -> truncate(concat(messages));
            case 3 -> concat(duplicate(messages));
            case 4 -> concat(reorder(messages));
            case 5 -> spliceInts(concat(messages));
            default -> spliceBlock(concat(messages));
        };
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private byte[] flipBits(byte[] b) {
        int flips = 1 + random.nextInt(Math.max(1, b.length / 8));
        for (int i = 0; i < flips && b.length > 0; i++) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
    }

    private byte[] truncate(byte[] b) {
        return b.length == 0 ? b : Arrays.copyOf(b, random.nextInt(b.length));
    }

    private List<byte[]> duplicate(List<byte[]> messages) {
        List<byte[]> out = new ArrayList<>(messages);
        int times = 1 + random.nextInt(5);
        for (int i = 0; i < times && !messages.isEmpty(); i++) {
            out.add(random.nextInt(out.size() + 1), messages.get(random.nextInt(messages.size())));
        }
        return out;
    }

    private List<byte[]> reorder(List<byte[]> messages) {
        List<byte[]> out = new ArrayList<>(messages);
        Collections.shuffle(out, random);
        return out;
    }

    private List<byte[]> spliceUnits(List<byte[]> messages, List<byte[]> hostile) {
        List<byte[]> out = new ArrayList<>(messages);
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            byte[] unit = hostile.get(random.nextInt(hostile.size()));
            int at = random.nextInt(out.size() + 1);
            if (at < out.size() && random.nextBoolean()) {
                out.set(at, unit);
            } else {
                out.add(at, unit);
            }
        }
        return out;
    }

    /** Overwrites 4-byte windows with lengths a decoder must not trust. */
    private byte[] spliceInts(byte[] b) {
        int[] hostile = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x7FFF_FFF0, 65_537, 1 << 24, 0};
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n && b.length >= 4; i++) {
            ByteBuffer.wrap(b).putInt(random.nextInt(b.length - 3), hostile[random.nextInt(hostile.length)]);
        }
        return b;
    }

    /** Inserts a large block: long lines, oversized frames. */
    private byte[] spliceBlock(byte[] b) {
        byte[] block = new byte[1 + random.nextInt(70_000)];
        Arrays.fill(block, (byte) ('a' + random.nextInt(26)));
        int at = b.length == 0 ? 0 : random.nextInt(b.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(block);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    /**
     * For a side channel of a shared port: half the cases that do not start with the bytes that
     * lead to the channel are made to, so that mangled and random bytes reach its parser too;
     * the rest go wherever the port's sniffer sends them.
     */
    byte[] mostlyStartingWith(byte[] prefix, byte[] bytes) {
        if (Arrays.equals(bytes, 0, Math.min(prefix.length, bytes.length), prefix, 0, prefix.length) || random.nextBoolean()) {
            return bytes;
        }
        return concat(List.of(prefix, bytes));
    }

    /** Sends one case on a new connection to a loopback port; see {@link #deliver(Socket, byte[])}. */
    void deliver(int port, byte[] bytes) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        deliver(socket, bytes);
    }

    /**
     * Sends one case over a connected socket in random pieces, as TCP may deliver it, then leaves
     * the way clients leave: a close, a half-close first (the server may still answer), or a reset.
     * The server may hang up at any point; that is one of the expected outcomes.
     */
    void deliver(Socket socket, byte[] bytes) {
        try (socket) {
            socket.setSoLinger(random.nextInt(4) == 0, 0);
            OutputStream out = socket.getOutputStream();
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(8192));
                out.write(bytes, at, n);
                out.flush();
                at += n;
            }
            if (random.nextBoolean() && !(socket instanceof SSLSocket)) {
                socket.shutdownOutput();
            }
        } catch (IOException closedByServer) {
            // Refused before the case was all sent.
        }
    }

    /** Units of a text protocol, in UTF-8. */
    static List<byte[]> units(String... texts) {
        List<byte[]> units = new ArrayList<>();
        for (String text : texts) {
            units.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return units;
    }

    /** A text protocol's message cut into units after each {@code delimiter}: lines, or a JSON object's members. */
    static List<byte[]> unitsOf(byte[] message, char delimiter) {
        List<byte[]> units = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < message.length; i++) {
            if (message[i] == delimiter) {
                units.add(Arrays.copyOfRange(message, start, i + 1));
                start = i + 1;
            }
        }
        if (start < message.length) {
            units.add(Arrays.copyOfRange(message, start, message.length));
        }
        return units;
    }

    private static byte[] concat(List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
