package org.confab.bench.vcom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLException;
import org.confab.binary.ConnectionAccept;
import org.confab.binary.ConnectionDeny;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.ListSync;
import org.confab.binary.RequestUserListsSync;
import org.confab.binary.UserListsSync;
import org.confab.binary.VcomDecoder;
import org.confab.binary.VcomEncoder;
import org.confab.binary.VcomLimits;
import org.confab.binary.VcomPacket;
import org.confab.binary.VcomProtocolException;
import org.confab.bench.net.Conn;

/**
 * One vCom user over TLS: sends the connection request (a new device), answers the list-sync
 * request with "in sync", then hands every packet to the workload. Lives on one loop thread.
 */
public final class VcomClient implements Conn.Handler, TlsWire.Listener {

    /** The workload's view of the client. */
    public interface Events {
        void ready(VcomClient client);

        void failed(VcomClient client, String why);

        /** A packet after ready. */
        void packet(VcomClient client, VcomPacket packet);

        /** The connection of a ready client closed, by the workload or not. */
        void closed(VcomClient client, String why);
    }

    private enum State { CONNECTING, REQUESTED, ACCEPTED, READY, CLOSED }

    private static final VcomEncoder ENCODER = new VcomEncoder();

    private final String user;
    private final String password;
    private final Events events;
    private final VcomDecoder decoder = VcomDecoder.serverToClient(VcomLimits.defaults());
    private Conn conn;
    private TlsWire tls;
    private State state = State.CONNECTING;
    private Runnable onDrained;

    public VcomClient(String user, String password, Events events) {
        this.user = user;
        this.password = password;
        this.events = events;
    }

    public String user() {
        return user;
    }

    public Conn conn() {
        return conn;
    }

    @Override
    public void connected(Conn c) {
        conn = c;
        tls = new TlsWire(Tls.clientEngine(), this);
        try {
            tls.start();
        } catch (SSLException e) {
            fail("TLS: " + e.getMessage());
        }
    }

    @Override
    public void handshaken() {
        state = State.REQUESTED;
        send(new ConnectionRequest(user, -1, password.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void network(ByteBuffer out) {
        conn.write(out);
    }

    @Override
    public void received(Conn c, ByteBuffer in) {
        try {
            tls.received(in);
        } catch (SSLException e) {
            fail("TLS: " + e.getMessage());
        }
    }

    @Override
    public void application(ByteBuffer in) {
        try {
            VcomPacket packet;
            while (state != State.CLOSED && (packet = decoder.decode(in)) != null) {
                handle(packet);
            }
        } catch (VcomProtocolException e) {
            fail("bad packet from the server: " + e.getMessage());
        }
    }

    private void handle(VcomPacket packet) {
        switch (state) {
            case REQUESTED -> {
                if (packet instanceof ConnectionAccept) {
                    state = State.ACCEPTED;
                } else if (packet instanceof ConnectionDeny deny) {
                    fail("denied, code " + deny.code());
                }
            }
            case ACCEPTED -> {
                if (packet instanceof RequestUserListsSync) {
                    send(new UserListsSync(ListSync.IN_SYNC, ListSync.IN_SYNC));
                    state = State.READY;
                    events.ready(this);
                }
            }
            case READY -> events.packet(this, packet);
            default -> {
            }
        }
    }

    /** Called when everything written so far has gone to the socket; loop thread only. */
    public void onDrained(Runnable onDrained) {
        this.onDrained = onDrained;
    }

    public void send(VcomPacket packet) {
        sendAll(List.of(packet));
    }

    /** Several packets in one buffer, so that they share TLS records. */
    public void sendAll(List<? extends VcomPacket> packets) {
        int size = 0;
        for (VcomPacket p : packets) {
            size += ENCODER.encodedSize(p);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (VcomPacket p : packets) {
            ENCODER.encode(p, out);
        }
        try {
            tls.send(out.flip());
        } catch (SSLException e) {
            fail("TLS: " + e.getMessage());
        }
    }

    @Override
    public void drained(Conn c) {
        if (state == State.READY && onDrained != null) {
            onDrained.run();
        }
    }

    public void close() {
        if (conn != null) {
            conn.close("closed by the workload");
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
        if (was != State.CLOSED && was != State.READY) {
            events.failed(this, why);
        } else if (was == State.READY) {
            events.closed(this, why);
        }
    }
}
