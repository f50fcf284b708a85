package org.confab.server.federation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.confab.server.community.Community;
import org.confab.server.community.RoomRelay;
import org.confab.server.delivery.Delivery;
import org.confab.server.dmconnect.SideChannel;
import org.confab.server.dmconnect.Unavailable;
import org.confab.server.room.Room;
import org.confab.server.session.Session;
import org.confab.text.federation.FederationCodec;

/**
 * This server as one host among DMconnect hosts: the calls it makes, the requests it answers on
 * the DMconnect port, its rooms' users from other hosts and its users in other hosts' rooms.
 */
public final class Federation implements RoomRelay, AutoCloseable {

    /** Well above the longest a request can wait for its answer, which removes it sooner. */
    private static final long SENT_REQUEST_TTL_NANOS = TimeUnit.MINUTES.toNanos(2);
    /** Pending calls per pool before new ones fail at once rather than wait behind them. */
    private static final int MAX_WAITING_CALLS = 10_000;

    private final ExecutorService calls;
    private final ExecutorService checks;
    private final Peers peers;
    private final HomeRooms homeRooms;
    private final VisitedRooms visitedRooms;
    private final RemotePrivateMessages privateMessages;
    private final InboundRequests inbound;
    private final SideChannel channel;

    private Federation(FederationSettings settings, Community community, ScheduledExecutorService timers) {
        FederationCodec codec = new FederationCodec();
        SentRequests sent = new SentRequests(SENT_REQUEST_TTL_NANOS, System::nanoTime);
        this.calls = pool("confab-federation", settings.threads());
        this.checks = pool("confab-dialback", settings.threads());
        this.peers = new Peers(settings, codec, sent, calls, checks);
        this.homeRooms = new HomeRooms(community, peers);
        this.visitedRooms = new VisitedRooms(community, peers);
        this.privateMessages = new RemotePrivateMessages(community, peers);
        this.inbound = new InboundRequests(new Dialback(peers, sent), community.sessions(), homeRooms, visitedRooms,
                privateMessages);
        this.channel = settings.enabled()
                ? new FederationChannel(codec, inbound, timers, settings.dialbackTimeoutMs())
                : Unavailable.federation();
        Liveness liveness = new Liveness(homeRooms, peers, settings.livenessFailures());
        timers.scheduleWithFixedDelay(liveness::check, settings.livenessIntervalMs(), settings.livenessIntervalMs(),
                TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(sent::purge, 1, 1, TimeUnit.MINUTES);
    }

    /** Starts federation and connects the community's rooms to it. */
    public static Federation start(FederationSettings settings, Community community, ScheduledExecutorService timers) {
        Federation federation = new Federation(settings, community, timers);
        community.relay(federation);
        return federation;
    }

    /** What the DMconnect port hands a connection that opens with a JSON object. */
    public SideChannel channel() {
        return channel;
    }

    public Peers peers() {
        return peers;
    }

    public RemotePrivateMessages privateMessages() {
        return privateMessages;
    }

    public VisitedRooms visitedRooms() {
        return visitedRooms;
    }

    /** Where presence requests of other hosts go; set once at start-up. */
    public void presence(PresenceInbox presence) {
        inbound.presence(presence);
    }

    @Override
    public void spread(Room room, Delivery delivery) {
        homeRooms.spread(room, delivery);
    }

    @Override
    public void left(Session session, Room room) {
        visitedRooms.left(session, room);
    }

    @Override
    public void close() {
        calls.shutdownNow();
        checks.shutdownNow();
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_WAITING_CALLS), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
