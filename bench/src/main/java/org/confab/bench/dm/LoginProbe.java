package org.confab.bench.dm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.confab.bench.net.Conn;

/** One connect-login-disconnect: logs in to an existing account and hangs up at once. */
public final class LoginProbe implements Conn.Handler, DmWire.Listener {

    /** Called once, on the loop, with the time from connect to the login reply. */
    public interface Outcome {
        void done(boolean loggedIn, long nanos, String detail);
    }

    private final String name;
    private final String password;
    private final DmWire wire;
    private final Outcome outcome;
    private final long startNanos = System.nanoTime();
    private Conn conn;
    private boolean finished;

    public LoginProbe(String name, String password, DmWire wire, Outcome outcome) {
        this.name = name;
        this.password = password;
        this.wire = wire;
        this.outcome = outcome;
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
        conn.write(ByteBuffer.wrap(wire.frame("/login " + name + " " + password)));
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
    public void line(ByteBuffer buf, int from, int to) {
        byte[] bytes = new byte[to - from];
        buf.get(from, bytes);
        String line = new String(bytes, StandardCharsets.UTF_8);
        if (line.equals("Login successful.")) {
            finish(true, line);
        } else if (!line.startsWith("Enter command")) {
            finish(false, line);
        }
    }

    private void finish(boolean loggedIn, String detail) {
        if (!finished) {
            finished = true;
            outcome.done(loggedIn, System.nanoTime() - startNanos, detail);
        }
        conn.close("closed by the workload");
    }

    @Override
    public void closed(Conn c, String why) {
        if (!finished) {
            finished = true;
            outcome.done(false, System.nanoTime() - startNanos, why);
        }
    }
}
