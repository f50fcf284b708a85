package org.confab.bench.floor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.confab.bench.dm.DmWire;
import org.confab.bench.dm.PlainWire;
import org.confab.bench.net.Loop;

/**
 * One client of the floor server, owned by one loop. Lines for it may come from any loop: they
 * are queued, and the owning loop writes everything queued with one write per turn, so a burst
 * of lines costs one system call rather than one each, and a single line waits for no timer.
 */
final class FloorConn implements Loop.Selectable, DmWire.Listener {

    /** Like Confab's session.max-outbound-bytes: a client that stops reading is dropped. */
    private static final long MAX_QUEUED_BYTES = 1 << 20;

    private final SocketChannel channel;
    private final Loop loop;
    private final DmWire wire;
    private final FloorCommands commands;
    private SelectionKey key;
    private ByteBuffer leftover;
    private boolean gone;
    // Guarded by this: filled by any loop.
    private final ArrayDeque<ByteBuffer> incoming = new ArrayDeque<>(0);
    private long queuedBytes;
    private boolean flushScheduled;
    private boolean closed;
    // Owned by the loop: what the socket has not taken yet.
    private final ArrayDeque<ByteBuffer> writing = new ArrayDeque<>(0);
    // Read-side state, touched only by the owning loop.
    String user;
    FloorRoom room;

    FloorConn(SocketChannel channel, Loop loop, DmWire wire, FloorCommands commands) {
        this.channel = channel;
        this.loop = loop;
        this.wire = wire;
        this.commands = commands;
    }

    /** On the owning loop. */
    void register() throws IOException {
        key = channel.register(loop.selector(), SelectionKey.OP_READ, this);
        byte[] opening = wire.opening();
        if (opening.length > 0) {
            raw(opening);
        }
        if (wire.ready()) {
            wireReady();
        }
    }

    @Override
    public void ready(SelectionKey k) {
        try {
            if (k.isReadable()) {
                read();
            }
            if (!gone && k.isValid() && k.isWritable()) {
                write();
            }
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    private void read() throws IOException {
        ByteBuffer buffer = loop.readBuffer();
        buffer.clear();
        if (leftover != null) {
            buffer.put(leftover);
            leftover = null;
        }
        int n = channel.read(buffer);
        buffer.flip();
        wire.received(buffer, this);
        if (buffer.hasRemaining()) {
            leftover = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
        }
        if (n < 0) {
            close();
        }
    }

    @Override
    public void line(ByteBuffer buf, int from, int to) {
        byte[] bytes = new byte[to - from];
        buf.get(from, bytes);
        commands.handle(this, new String(bytes, StandardCharsets.UTF_8).strip());
    }

    @Override
    public void wireReady() {
        send(OutLine.of(FloorCommands.GREETING));
    }

    @Override
    public void raw(byte[] bytes) {
        enqueue(ByteBuffer.wrap(bytes));
    }

    /** From any loop. */
    void send(OutLine line) {
        if (wire instanceof PlainWire) {
            enqueue(ByteBuffer.wrap(line.plainBytes()));
        } else {
            synchronized (this) {
                // One codec per connection: framing and queueing stay in the same order.
                enqueue(ByteBuffer.wrap(wire.frame(line.text())));
            }
        }
    }

    private void enqueue(ByteBuffer bytes) {
        boolean schedule;
        synchronized (this) {
            if (closed) {
                return;
            }
            incoming.add(bytes);
            queuedBytes += bytes.remaining();
            if (queuedBytes > MAX_QUEUED_BYTES) {
                closed = true;
                incoming.clear();
                loop.execute(this::close);
                return;
            }
            schedule = !flushScheduled;
            flushScheduled = true;
        }
        if (schedule) {
            loop.execute(this::flush);
        }
    }

    /** On the owning loop, once per turn that queued something for this client. */
    private void flush() {
        synchronized (this) {
            flushScheduled = false;
            writing.addAll(incoming);
            incoming.clear();
        }
        try {
            write();
        } catch (IOException e) {
            close();
        }
    }

    /**
     * Copies what is queued into the loop's direct write buffer and writes it with one call: the
     * JDK would copy heap buffers into a direct one anyway, and one large write beats a gathering
     * write of many small buffers.
     */
    private void write() throws IOException {
        if (gone) {
            return;
        }
        ByteBuffer out = loop.writeBuffer();
        while (!writing.isEmpty()) {
            out.clear();
            while (!writing.isEmpty() && out.hasRemaining()) {
                ByteBuffer head = writing.peek();
                int n = Math.min(head.remaining(), out.remaining());
                out.put(out.position(), head, head.position(), n);
                out.position(out.position() + n);
                head.position(head.position() + n);
                if (!head.hasRemaining()) {
                    writing.poll();
                }
            }
            out.flip();
            int n = channel.write(out);
            synchronized (this) {
                queuedBytes -= n;
            }
            if (out.hasRemaining()) {
                // The socket is full: keep what it did not take, in front, and wait until it can.
                writing.addFirst(ByteBuffer.allocate(out.remaining()).put(out).flip());
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    /** On the owning loop. */
    void close() {
        if (gone) {
            return;
        }
        gone = true;
        synchronized (this) {
            closed = true;
            incoming.clear();
        }
        writing.clear();
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Already gone.
        }
        commands.left(this);
    }
}
