package org.confab.server.vcom;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.confab.binary.Broadcast;
import org.confab.binary.ConnectionDeny;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.DenyCode;
import org.confab.binary.MulticastMessage;
import org.confab.binary.UnicastMessage;
import org.confab.binary.VcomDecoder;
import org.confab.binary.VcomEncoder;
import org.confab.binary.VcomPacket;
import org.confab.server.account.Account;
import org.confab.server.delivery.Content;
import org.confab.server.delivery.Delivery;
import org.confab.server.runtime.Outbox;
import org.confab.server.session.Protocol;
import org.confab.server.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One vCom client connection: its state (waiting for the connection request, logging in, online,
 * closed), its packets in order through {@link VcomInbound}, and its outbound packets. As a
 * {@link Session} it shows the core's deliveries as vCom packets: private messages as 264, group
 * messages as 265, broadcasts as 263; room events (joins, leaves, acts) have no vCom packet and
 * are not shown.
 */
final class VcomConnection implements Session, VcomInbound.Consumer {

    private static final Logger log = LoggerFactory.getLogger(VcomConnection.class);
    private static final VcomEncoder ENCODER = new VcomEncoder();

    enum State { AWAITING_REQUEST, LOGGING_IN, ONLINE, CLOSED }

    private final long id;
    private final IoSession io;
    private final Outbox outbox;
    private final ScheduledExecutorService timers;
    private final VcomSettings settings;
    private final VcomLogin login;
    private final VcomCommands commands;
    private final VcomInbound inbound;
    private final TransferEnd transferEnd;

    private State state = State.AWAITING_REQUEST;
    private volatile Account account;
    private ScheduledFuture<?> loginTimer;
    private final AtomicLong unsent = new AtomicLong();

    VcomConnection(long id, IoSession io, VcomSettings settings, VcomLogin login, VcomCommands commands,
                   ScheduledExecutorService timers) {
        this.id = id;
        this.io = io;
        this.outbox = new Outbox(io);
        this.timers = timers;
        this.settings = settings;
        this.login = login;
        this.commands = commands;
        this.inbound = new VcomInbound(VcomDecoder.clientToServer(settings.limits()), settings.maxBufferedBytes(), this);
        this.transferEnd = new TransferEnd(this, commands.transfers(), settings.transfers().windowBytes());
    }

    /** The connection request must come within the login timeout. */
    synchronized void opened() {
        loginTimer = timers.schedule(this::loginTimedOut, settings.loginTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    private synchronized void cancelLoginTimer() {
        if (loginTimer != null) {
            loginTimer.cancel(false);
            loginTimer = null; // a cancelled task is still 72 bytes, for as long as the session lasts
        }
    }

    // --- events from MINA -----------------------------------------------------------------------

    void received(ByteBuffer bytes) {
        inbound.received(bytes);
    }

    void sent(IoBuffer message) {
        unsent.addAndGet(-message.limit());
        transferEnd.sent();
    }

    private void loginTimedOut() {
        if (state() == State.AWAITING_REQUEST) {
            log.info("Closing vCom connection from {}: no connection request within {} ms", io.getRemoteAddress(),
                    settings.loginTimeoutMs());
            io.closeNow();
        }
    }

    void closed() {
        State was;
        synchronized (this) {
            was = state;
            state = State.CLOSED;
        }
        cancelLoginTimer();
        transferEnd.closed();
        if (was == State.ONLINE) {
            commands.community().offline(this, null);
        }
        log.debug("Closed {}", this);
    }

    // --- packets, one at a time -------------------------------------------------------------------

    @Override
    public CompletionStage<?> packet(VcomPacket packet, long offset) {
        State now = state();
        if (now == State.AWAITING_REQUEST) {
            if (!(packet instanceof ConnectionRequest request)) {
                protocolError("the first packet was " + packet.id() + ", not a connection request (256)");
                return null;
            }
            synchronized (this) {
                state = State.LOGGING_IN;
            }
            cancelLoginTimer();
            return login.handle(request, this);
        }
        return now == State.ONLINE ? commands.handle(packet, offset, this) : null;
    }

    @Override
    public void broken(int packetId, String reason) {
        if (packetId == ConnectionRequest.ID && state() == State.AWAITING_REQUEST) {
            deny(DenyCode.MALFORMED, "malformed connection request: " + reason);
        } else {
            protocolError(reason);
        }
    }

    /**
     * On whichever thread handled the last packet, often a database thread: the server's
     * {@link org.confab.server.runtime.ThreadSafeNioProcessor} makes that safe.
     */
    @Override
    public void readable(boolean paused) {
        if (paused) {
            io.suspendRead();
        } else {
            io.resumeRead();
        }
    }

    /** Closes this connection alone, with a line naming the peer and the reason. */
    void protocolError(String reason) {
        log.info("vCom protocol error from {} ({}): {}; closing", io.getRemoteAddress(), accountName(), reason);
        synchronized (this) {
            state = State.CLOSED;
        }
        close();
    }

    /**
     * Closes once what was written has left, so that the client sees the answers to what it
     * sent before; a client that does not read them is cut off after the login timeout.
     */
    private void close() {
        outbox.closeWhenWritten();
        timers.schedule(() -> io.closeNow(), settings.loginTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    /** Refuses the connection request: 258 with the code, then the socket closes. */
    void deny(DenyCode code, String why) {
        log.info("vCom login refused ({}) for {}: {}", code, io.getRemoteAddress(), why);
        synchronized (this) {
            state = State.CLOSED;
        }
        send(new ConnectionDeny(code.code()));
        close();
    }

    /** Logged in: from now on deliveries reach it; false when it closed meanwhile. */
    boolean online() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return false;
            }
            state = State.ONLINE;
        }
        return true;
    }

    void account(Account account) {
        this.account = account;
    }

    synchronized State state() {
        return state;
    }

    TransferEnd transferEnd() {
        return transferEnd;
    }

    VcomInbound inbound() {
        return inbound;
    }

    // --- output -----------------------------------------------------------------------------------

    /**
     * Writes a packet; packets written while an earlier write is still in flight go out together,
     * as one TLS record per 16 KiB rather than one per packet (a relayed file is 1 KiB chunks).
     * A client that leaves more than the outbound limit unread is disconnected.
     */
    void send(VcomPacket packet) {
        IoBuffer bytes = encode(packet);
        if (bytes != null) {
            outbox.send(bytes);
            checkBacklog();
        }
    }

    /** Completes with true once the connection has taken the packet, false if it closed first. */
    CompletableFuture<Boolean> sendConfirmed(VcomPacket packet) {
        IoBuffer bytes = encode(packet);
        if (bytes == null) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> taken = outbox.sendConfirmed(bytes);
        checkBacklog();
        return taken;
    }

    /** Null when the connection is closing. */
    private IoBuffer encode(VcomPacket packet) {
        if (!io.isConnected() || io.isClosing()) {
            return null;
        }
        byte[] bytes = ENCODER.encode(packet);
        unsent.addAndGet(bytes.length);
        return IoBuffer.wrap(bytes);
    }

    private void checkBacklog() {
        if (unsent.get() > settings.maxOutboundBytes()) {
            log.warn("Closing {}: {} bytes wait to be sent, over the limit of {}", this, unsent.get(),
                    settings.maxOutboundBytes());
            io.closeNow();
        }
    }

    /**
     * Bytes written to this connection that have not yet left: those in MINA's queue and those
     * the TLS layer holds before encrypting them, which MINA's own count leaves out.
     */
    long unsent() {
        return unsent.get();
    }

    // --- Session ----------------------------------------------------------------------------------

    @Override
    public long id() {
        return id;
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public Protocol protocol() {
        return Protocol.VCOM;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) io.getRemoteAddress();
    }

    @Override
    public Instant since() {
        return Instant.ofEpochMilli(io.getCreationTime());
    }

    @Override
    public void deliver(Delivery delivery) {
        if (delivery instanceof Delivery.Broadcast b) {
            send(new Broadcast(b.text().getBytes(StandardCharsets.UTF_8)));
            return;
        }
        VcomPacket packet = packet(delivery);
        if (packet != null) {
            send(packet);
        }
    }

    @Override
    public CompletionStage<Boolean> deliverStored(Delivery delivery) {
        VcomPacket packet = packet(delivery);
        return packet == null ? CompletableFuture.completedFuture(false) : sendConfirmed(packet);
    }

    /**
     * 258 with the matching code for a revoked admission (a ban counts as the user being
     * blacklisted); a kick or a shutdown just closes, as vCom has no packet for them.
     */
    @Override
    public void disconnect(Delivery farewell) {
        DenyCode code = null;
        if (farewell instanceof Delivery.Notice notice) {
            code = switch (notice.reason()) {
                case IP_BLACKLISTED -> DenyCode.IP_BLACKLISTED;
                case USER_BLACKLISTED, BANNED -> DenyCode.USER_BLACKLISTED;
                case NOT_WHITELISTED -> DenyCode.NOT_WHITELISTED;
                case KICKED, SHUTTING_DOWN -> null;
            };
        }
        if (code != null) {
            send(new ConnectionDeny(code.code()));
        }
        close();
    }

    /** The vCom packet of a message, or null for what is not one. */
    private static VcomPacket packet(Delivery delivery) {
        if (delivery instanceof Delivery.PrivateMessage p) {
            return new UnicastMessage(p.sender().display(), false, p.sentAtMillis(), isText(p.content()), p.content().bytes());
        } else if (delivery instanceof Delivery.GroupMessage g) {
            return new MulticastMessage(g.sender().display(), g.groupId(), false, g.sentAtMillis(), isText(g.content()),
                    g.content().bytes());
        }
        return null;
    }

    private static boolean isText(Content content) {
        return content instanceof Content.Text;
    }

    String accountName() {
        Account a = account;
        return a == null ? "-" : a.name();
    }

    @Override
    public String toString() {
        return "vCom session " + id + " " + accountName() + " from " + io.getRemoteAddress();
    }
}
