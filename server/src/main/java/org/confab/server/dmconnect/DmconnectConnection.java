package org.confab.server.dmconnect;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.confab.server.account.Account;
import org.confab.server.account.Names;
import org.confab.server.capability.Capability;
import org.confab.server.delivery.Delivery;
import org.confab.server.limits.RateLimiter;
import org.confab.server.room.Room;
import org.confab.server.runtime.Outbox;
import org.confab.server.runtime.SerialQueue;
import org.confab.server.runtime.Workers;
import org.confab.server.session.Protocol;
import org.confab.server.session.Session;
import org.confab.text.Inbound;
import org.confab.text.MessageFramer;
import org.confab.text.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DMconnect client connection: its framing, its state (before login, logged in), the room it
 * sits in, and its outbound lines. Client messages are handled one at a time, in order, through a
 * {@link SerialQueue}; deliveries from other sessions are written as they come.
 */
public final class DmconnectConnection implements Session, Capability.Caller {

    private static final Logger log = LoggerFactory.getLogger(DmconnectConnection.class);
    private static final ThreadLocal<Object[]> RENDERED = ThreadLocal.withInitial(() -> new Object[2]);

    enum State { GREETING, LOGIN, CHAT, CLOSED }

    private final long id;
    private final IoSession io;
    private final Protocol protocol;
    private final DmconnectSettings settings;
    private final DmconnectCommands commands;
    private final ScheduledExecutorService timers;
    private final Function<String, IoBuffer> encoder;
    private final MessageFramer framer;
    private final Outbox outbox;
    private final SerialQueue queue = new SerialQueue();

    private final RateLimiter rate;
    private volatile State state = State.GREETING;
    private volatile Account account;
    private volatile Room room;
    private ScheduledFuture<?> flushTimer;
    private volatile ScheduledFuture<?> loginDeadline;

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
        this.outbox = new Outbox(io);
        this.rate = RateLimiter.of(settings.limits().messagesPerSecond(), settings.limits().messageBurst(), System.nanoTime());
        int loginTimeout = settings.limits().loginTimeoutSeconds();
        if (loginTimeout > 0) {
            loginDeadline = timers.schedule(() -> queue.submit(this::loginTimedOut), loginTimeout, TimeUnit.SECONDS);
        }
    }

    private CompletionStage<?> loginTimedOut() {
        if (state == State.GREETING || state == State.LOGIN) {
            log.info("Closing {}: not logged in within {} s", remoteAddress(), settings.limits().loginTimeoutSeconds());
            if (state == State.LOGIN) {
                send(Replies.LOGIN_TIMED_OUT);
            }
            outbox.closeWhenWritten();
        }
        return null;
    }

    /** Nothing arrived for the idle timeout after login. */
    public void idleTimedOut() {
        log.info("Closing {} ({}): idle for {} s", remoteAddress(), accountName(), settings.limits().idleTimeoutSeconds());
        send(Replies.IDLE_TIMED_OUT);
        outbox.closeWhenWritten();
    }

    /** The connection turned out not to be a chat client; its timers are not ours to run. */
    void abandon() {
        cancelTimers();
    }

    /** Whether the message rate allows one more message now. */
    boolean allowMessage() {
        return rate.tryAcquire(System.nanoTime());
    }

    /** Sends the greeting once, when the connection has shown itself to be a chat client. */
    public void greet() {
        queue.submit(() -> {
            if (state == State.GREETING) {
                state = State.LOGIN;
                send(Replies.GREETING);
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
    public void messageReceived(String message) {
        for (String line : message.split("\n", -1)) {
            if (!line.isBlank() || message.isBlank()) {
                submit(new Inbound.Message(line.strip()));
            }
        }
    }

    private void cancelTimers() {
        ScheduledFuture<?> deadline = loginDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
        synchronized (framer) {
            if (flushTimer != null) {
                flushTimer.cancel(false);
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
        queue.submit(() -> {
            if (state == State.CLOSED) {
                return null;
            }
            CompletionStage<?> stage = commands.handle(inbound, this);
            return stage == null ? null : stage.handle((ok, error) -> error == null ? null : failed(error));
        });
    }

    /** A command failed inside the server: the client hears so instead of waiting forever. */
    private Object failed(Throwable error) {
        if (Workers.isShutdownRejection(error)) {
            return null; // the server is stopping; the connection is about to close
        }
        log.error("Command from {} ({}) failed", remoteAddress(), accountName(), error);
        send(Replies.INTERNAL_ERROR);
        if (state == State.LOGIN) {
            send(Replies.GREETING);
        }
        return null;
    }

    /** The connection closed, for whatever reason. */
    public void closed() {
        cancelTimers();
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
        ScheduledFuture<?> deadline = loginDeadline;
        if (deadline != null) {
            deadline.cancel(false);
            loginDeadline = null; // a cancelled task is still 72 bytes, for as long as the session lasts
        }
        if (settings.limits().idleTimeoutSeconds() > 0) {
            io.getConfig().setIdleTime(IdleStatus.READER_IDLE, settings.limits().idleTimeoutSeconds());
        }
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
        if (isOpen()) {
            outbox.send(encoder.apply(text));
            checkBacklog();
        }
    }

    /** Completes with true once the client's connection has taken the line. */
    private CompletableFuture<Boolean> sendConfirmed(String text) {
        if (!isOpen()) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> taken = outbox.sendConfirmed(encoder.apply(text));
        checkBacklog();
        return taken;
    }

    private boolean isOpen() {
        return io.isConnected() && !io.isClosing();
    }

    private void checkBacklog() {
        long backlog = outbox.backlog();
        if (backlog > settings.maxOutboundBytes()) {
            log.warn("Closing {} ({}): {} bytes wait to be sent, over the limit of {}", remoteAddress(),
                    accountName(), backlog, settings.maxOutboundBytes());
            io.closeNow();
        }
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
        return Instant.ofEpochMilli(io.getCreationTime());
    }

    @Override
    public String roomName() {
        Room in = room;
        return in == null ? null : in.name();
    }

    @Override
    public void deliver(Delivery delivery) {
        if (delivery instanceof Delivery.RoomDeleted deleted && room == deleted.room()) {
            room = null;
        }
        send(render(delivery));
    }

    /**
     * The line for a delivery. A fan-out hands the same delivery to every recipient from one
     * thread, so the last one formatted on this thread is kept: the line is formatted once per
     * message, and the plain encoder can then share its bytes too.
     */
    private static String render(Delivery delivery) {
        Object[] last = RENDERED.get();
        if (last[0] != delivery) {
            last[1] = DmconnectFormat.line(delivery);
            last[0] = delivery;
        }
        return (String) last[1];
    }

    /** Private messages only: DMconnect keeps no room history, so group messages wait for vCom. */
    @Override
    public CompletionStage<Boolean> deliverStored(Delivery delivery) {
        return delivery instanceof Delivery.PrivateMessage
                ? sendConfirmed(DmconnectFormat.line(delivery))
                : CompletableFuture.completedFuture(false);
    }

    @Override
    public void disconnect(Delivery farewell) {
        if (farewell != null) {
            send(DmconnectFormat.line(farewell));
        }
        outbox.closeWhenWritten();
    }

    String accountName() {
        return account == null ? "-" : account.name();
    }

    @Override
    public String toString() {
        return "DMconnect session " + id + " " + accountName() + " from " + io.getRemoteAddress();
    }
}
