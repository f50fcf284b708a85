package org.confab.server.dmconnect;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.confab.server.account.Account;
import org.confab.server.account.Names;
import org.confab.server.capability.Capability;
import org.confab.server.delivery.Delivery;
import org.confab.server.room.Room;
import org.confab.server.runtime.SerialQueue;
import org.confab.server.runtime.Writes;
import org.confab.server.session.Protocol;
import org.confab.server.session.Session;
import org.confab.text.Inbound;
import org.confab.text.MessageFramer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DMconnect client connection: its framing, its state (before login, logged in), the room it
 * sits in, and its outbound lines. Client messages are handled one at a time, in order, through a
 * {@link SerialQueue}; deliveries from other sessions are written as they come.
 */
public final class DmconnectConnection implements Session, Capability.Caller {

    private static final Logger log = LoggerFactory.getLogger(DmconnectConnection.class);

    enum State { GREETING, LOGIN, CHAT, CLOSED }

    private final long id;
    private final IoSession io;
    private final Protocol protocol;
    private final DmconnectSettings settings;
    private final DmconnectCommands commands;
    private final ScheduledExecutorService timers;
    private final Function<String, IoBuffer> encoder;
    private final MessageFramer framer;
    private final SerialQueue queue = new SerialQueue();
    private final Instant since = Instant.now();

    private volatile State state = State.GREETING;
    private volatile Account account;
    private volatile Room room;
    private ScheduledFuture<?> flushTimer;

    DmconnectConnection(long id, IoSession io, Protocol protocol, DmconnectSettings settings, DmconnectCommands commands,
                        ScheduledExecutorService timers, Function<String, IoBuffer> encoder) {
        this.id = id;
        this.io = io;
        this.protocol = protocol;
        this.settings = settings;
        this.commands = commands;
        this.timers = timers;
        this.encoder = encoder;
        this.framer = new MessageFramer(settings.maxMessageBytes());
    }

    /** Sends the greeting once, when the connection has shown itself to be a chat client. */
    void greet() {
        queue.submit(() -> {
            if (state == State.GREETING) {
                state = State.LOGIN;
                send(org.confab.text.Replies.GREETING);
            }
            return null;
        });
    }

    /** Raw bytes from a plain connection. Called on an I/O thread. */
    void bytesReceived(ByteBuffer bytes) {
        synchronized (framer) {
            submitAll(framer.feed(bytes));
            scheduleFlush();
        }
    }

    /** Whole messages from a transport that frames them itself (the encrypted port). */
    void messageReceived(String message) {
        for (String line : message.split("\n", -1)) {
            if (!line.isBlank() || message.isBlank()) {
                submit(new Inbound.Message(line.strip()));
            }
        }
    }

    private void scheduleFlush() {
        if (flushTimer != null) {
            flushTimer.cancel(false);
            flushTimer = null;
        }
        if (framer.awaitsFlush()) {
            flushTimer = timers.schedule(() -> {
                synchronized (framer) {
                    submitAll(framer.flush());
                }
            }, settings.fragmentWaitMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void submitAll(List<Inbound> messages) {
        for (Inbound m : messages) {
            submit(m);
        }
    }

    private void submit(Inbound inbound) {
        queue.submit(() -> state == State.CLOSED ? null : commands.handle(inbound, this));
    }

    /** The connection closed, for whatever reason. */
    void closed() {
        synchronized (framer) {
            if (flushTimer != null) {
                flushTimer.cancel(false);
            }
        }
        queue.submit(() -> {
            State was = state;
            state = State.CLOSED;
            if (was == State.CHAT) {
                commands.community().offline(this, room);
                room = null;
            }
            return null;
        });
    }

    // --- state, for the command handlers -------------------------------------------------------

    State state() {
        return state;
    }

    void loggedIn(Account account) {
        this.account = account;
        this.state = State.CHAT;
    }

    Room room() {
        return room;
    }

    void room(Room room) {
        this.room = room;
    }

    boolean isAdmin() {
        String admin = settings.adminAccount();
        return account != null && !admin.isEmpty() && account.key().equals(Names.key(admin));
    }

    DmconnectSettings settings() {
        return settings;
    }

    // --- output -------------------------------------------------------------------------------

    /** Writes one line (or several joined by newlines, as one write) to the client. */
    void send(String text) {
        write(text);
    }

    /** Null when the connection is closing and nothing was written. */
    private WriteFuture write(String text) {
        if (!io.isConnected() || io.isClosing()) {
            return null;
        }
        WriteFuture written = io.write(encoder.apply(text));
        if (io.getScheduledWriteBytes() > settings.maxOutboundBytes()) {
            log.warn("Closing {} ({}): {} bytes wait to be sent, over the limit of {}", remoteAddress(),
                    accountName(), io.getScheduledWriteBytes(), settings.maxOutboundBytes());
            io.closeNow();
        }
        return written;
    }

    @Override
    public void reply(String line) {
        send(line);
    }

    @Override
    public Session session() {
        return this;
    }

    // --- Session ------------------------------------------------------------------------------

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
        return protocol;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) io.getRemoteAddress();
    }

    @Override
    public Instant since() {
        return since;
    }

    @Override
    public void deliver(Delivery delivery) {
        if (delivery instanceof Delivery.RoomDeleted deleted && room == deleted.room()) {
            room = null;
        }
        send(DmconnectFormat.line(delivery));
    }

    /** Private messages only: DMconnect keeps no room history, so group messages wait for vCom. */
    @Override
    public CompletionStage<Boolean> deliverStored(Delivery delivery) {
        return Writes.taken(delivery instanceof Delivery.PrivateMessage ? write(DmconnectFormat.line(delivery)) : null);
    }

    @Override
    public void disconnect(Delivery farewell) {
        if (farewell != null) {
            send(DmconnectFormat.line(farewell));
        }
        io.closeOnFlush();
    }

    String accountName() {
        return account == null ? "-" : account.name();
    }

    @Override
    public String toString() {
        return "DMconnect session " + id + " " + accountName() + " from " + io.getRemoteAddress();
    }
}
