package org.confab.bench.dm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.confab.bench.net.Conn;

/**
 * One DMconnect user: registers (or not), logs in, creates and joins its room, then reads every
 * line promptly, hands message payloads to its {@link Receiver}, and sends a keep-alive every
 * 30 s as real clients do (a silent session is closed after the server's idle timeout).
 * Lives on one loop thread.
 */
public final class DmClient implements Conn.Handler, DmWire.Listener {

    /** What the client needs to do before it is ready. */
    public record Account(String name, String password, boolean register, String room, boolean createRoom) {
    }

    /** The workload's view of a client's life. */
    public interface Events {
        void ready(DmClient client);

        void failed(DmClient client, String why);

        /** After ready: the connection closed (by us at the end of the run, or by the server). */
        default void closed(DmClient client, String why) {
        }
    }

    /** Takes every payload the client reads once it is ready. */
    public interface Receiver {
        void payload(long id, long sentNanos, long nowNanos);
    }

    private enum State { CONNECTING, REGISTERING, LOGGING_IN, SELECTING, CREATING, JOINING, READY, CLOSED }

    private static final int MAX_JOIN_RETRIES = 200;
    private static final long JOIN_RETRY_NANOS = 20_000_000;
    private static final long KEEP_ALIVE_NANOS = 30_000_000_000L;
    /** A message made only of slashes; the server answers it with a ping line that carries no payload. */
    private static final String KEEP_ALIVE = "/";

    private final Account account;
    private final DmWire wire;
    private final Events events;
    private final long[] parsed = new long[2];
    private final long createdNanos = System.nanoTime();
    private Conn conn;
    private State state = State.CONNECTING;
    private Receiver receiver;
    private Runnable onDrained;
    private int joinRetries;

    public DmClient(Account account, Supplier<DmWire> wire, Events events) {
        this.account = account;
        this.wire = wire.get();
        this.events = events;
    }

    public Account account() {
        return account;
    }

    public Conn conn() {
        return conn;
    }

    /** Time since the client was created: at ready, how long connecting and logging in took. */
    public long ageNanos() {
        return System.nanoTime() - createdNanos;
    }

    public boolean isReady() {
        return state == State.READY;
    }

    /** Loop thread only. */
    public void receiver(Receiver receiver) {
        this.receiver = receiver;
    }

    /** Called when everything written so far has gone to the socket; loop thread only. */
    public void onDrained(Runnable onDrained) {
        this.onDrained = onDrained;
    }

    public void send(String line) {
        conn.write(ByteBuffer.wrap(wire.frame(line)));
    }

    /** Several lines framed into one buffer and written at once. */
    public void sendBatch(Iterable<String> lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
        for (String line : lines) {
            out.writeBytes(wire.frame(line));
        }
        conn.write(ByteBuffer.wrap(out.toByteArray()));
    }

    public void close() {
        if (conn != null) {
            conn.close("closed by the workload");
        }
    }

    @Override
    public void connected(Conn c) {
        conn = c;
        byte[] opening = wire.opening();
        if (opening.length > 0) {
            c.write(ByteBuffer.wrap(opening));
        }
        if (wire.ready()) {
            wireReady();
        }
    }

    @Override
    public void wireReady() {
        // No need to wait for the greeting: a chat command is what tells Confab we are a chat client.
        if (account.register()) {
            state = State.REGISTERING;
            send("/register " + account.name() + " " + account.password());
        } else {
            login();
        }
    }

    @Override
    public void raw(byte[] bytes) {
        conn.write(ByteBuffer.wrap(bytes));
    }

    @Override
    public void received(Conn c, ByteBuffer in) {
        wire.received(in, this);
    }

    @Override
    public void drained(Conn c) {
        if (onDrained != null && state == State.READY) {
            onDrained.run();
        }
    }

    @Override
    public void line(ByteBuffer buf, int from, int to) {
        if (state == State.READY) {
            if (receiver != null && Payload.parse(buf, from, to, parsed)) {
                receiver.payload(parsed[0], parsed[1], System.nanoTime());
            }
            return;
        }
        setupLine(text(buf, from, to));
    }

    private void setupLine(String line) {
        switch (state) {
            case REGISTERING -> {
                if (line.startsWith("Registration successful") || line.startsWith("Username already taken")) {
                    login();
                } else if (!line.startsWith("Enter command")) {
                    fail("register: " + line);
                }
            }
            case LOGGING_IN -> {
                if (line.equals("Login successful.")) {
                    state = State.SELECTING;
                } else if (!line.startsWith("Enter command")) {
                    fail("login: " + line);
                }
            }
            case SELECTING -> {
                if (line.startsWith("Select a server")) {
                    if (account.room() == null) {
                        becomeReady();
                    } else if (account.createRoom()) {
                        state = State.CREATING;
                        send("/create_server " + account.room());
                    } else {
                        join();
                    }
                }
            }
            case CREATING -> {
                if (line.endsWith("created successfully.") || line.equals("Server already exists.")) {
                    join();
                } else if (!line.startsWith("***")) {
                    fail("create_server: " + line);
                }
            }
            case JOINING -> {
                if (line.startsWith("Joined server")) {
                    becomeReady();
                } else if (line.equals("Server does not exist.") && joinRetries++ < MAX_JOIN_RETRIES) {
                    // Another client's /create_server may not have reached the room list yet.
                    conn.loop().schedule(System.nanoTime() + JOIN_RETRY_NANOS, this::join);
                } else if (!line.startsWith("***")) {
                    fail("join_server: " + line);
                }
            }
            default -> {
            }
        }
    }

    private void login() {
        state = State.LOGGING_IN;
        send("/login " + account.name() + " " + account.password());
    }

    private void join() {
        if (conn.isClosed()) {
            return;
        }
        state = State.JOINING;
        send("/join_server " + account.room());
    }

    private void becomeReady() {
        state = State.READY;
        conn.loop().schedule(System.nanoTime() + KEEP_ALIVE_NANOS, this::keepAlive);
        events.ready(this);
    }

    private void keepAlive() {
        if (state == State.READY && !conn.isClosed()) {
            send(KEEP_ALIVE);
            conn.loop().schedule(System.nanoTime() + KEEP_ALIVE_NANOS, this::keepAlive);
        }
    }

    private void fail(String why) {
        State was = state;
        state = State.CLOSED;
        if (was != State.CLOSED) {
            events.failed(this, why);
        }
        conn.close(why);
    }

    @Override
    public void closed(Conn c, String why) {
        State was = state;
        state = State.CLOSED;
        if (was == State.READY) {
            events.closed(this, why);
        } else if (was != State.CLOSED) {
            events.failed(this, why);
        }
    }

    private static String text(ByteBuffer buf, int from, int to) {
        byte[] bytes = new byte[to - from];
        buf.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
