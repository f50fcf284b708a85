package org.confab.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.mina.core.filterchain.IoFilter;
import org.apache.mina.core.service.IoHandler;
import org.apache.mina.core.service.SimpleIoProcessorPool;
import org.apache.mina.transport.socket.nio.NioProcessor;
import org.apache.mina.transport.socket.nio.NioSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import java.time.Clock;
import java.time.Duration;
import org.confab.server.access.Admission;
import org.confab.server.access.LoginThrottle;
import org.confab.server.account.Accounts;
import org.confab.server.contacts.Contacts;
import org.confab.server.account.PasswordHasher;
import org.confab.server.capability.Capabilities;
import org.confab.server.community.Community;
import org.confab.server.config.ServerConfig;
import org.confab.server.delivery.Delivery;
import org.confab.server.dmconnect.DmconnectAcceptors;
import org.confab.server.room.Rooms;
import org.confab.server.runtime.Workers;
import org.confab.server.session.Session;
import org.confab.server.session.Sessions;
import org.confab.server.vcom.GroupsCapability;
import org.confab.server.vcom.VcomPort;
import org.confab.storage.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the store, the domain core and the protocol acceptors together; starts and stops them. */
public final class ConfabServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfabServer.class);

    private final ServerConfig config;
    private final Store store;
    private final Workers workers;
    private final Community community;
    private final SimpleIoProcessorPool<NioSession> processors;
    private final Map<String, NioSocketAcceptor> acceptors = new LinkedHashMap<>();
    private volatile boolean closed;

    private ConfabServer(ServerConfig config) {
        this.config = config;
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
        }
        this.store = Store.open(config.dataDir());
        this.workers = new Workers(config.databaseThreads(), config.hashingThreads());
        LoginThrottle throttle = new LoginThrottle(config.loginMaxFailures(),
                Duration.ofSeconds(config.loginFailureWindowSeconds()), Clock.systemUTC());
        workers.timers().scheduleWithFixedDelay(throttle::purge, 1, 1, TimeUnit.MINUTES);
        Accounts accounts = new Accounts(store, new Admission(store), throttle,
                new PasswordHasher(config.passwordParameters()), workers.database(), workers.hashing(),
                config.registrationOpen());
        this.community = new Community(accounts, new Rooms(store, workers.database()), new Sessions(),
                new Contacts(store, workers.database()), store, workers.database(), config.offlineMaxMessagesPerAccount());
        this.processors = new SimpleIoProcessorPool<>(NioProcessor.class, config.ioProcessors());
    }

    /** Opens the store and binds every configured port. */
    public static ConfabServer start(ServerConfig config) {
        ConfabServer server = new ConfabServer(config);
        try {
            server.bind("dmconnect", config.dmconnectPort(), DmconnectAcceptors.plain(config, server.community,
                    new Capabilities(List.of(GroupsCapability.create(server.community.rooms()))), server.workers.timers()));
            VcomPort vcom = VcomPort.create(config, server.community, server.store, server.workers.database(),
                    server.workers.timers());
            server.bind("vcom", config.vcomPort(), vcom.handler(), vcom.tls());
            if (config.vcomPlainPort().isPresent()) {
                server.bind("vcom-plain", config.vcomPlainPort().getAsInt(), vcom.handler());
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
        log.info("Listening {}", server.ports().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        log.info("Confab {} started as {} with data in {}", version(), config.serverHost(), config.dataDir().toAbsolutePath());
        return server;
    }

    private void bind(String name, int port, IoHandler handler, IoFilter... filters) throws IOException {
        NioSocketAcceptor acceptor = new NioSocketAcceptor(processors);
        acceptor.setReuseAddress(true);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        for (IoFilter filter : filters) {
            acceptor.getFilterChain().addLast(filter.getClass().getSimpleName(), filter);
        }
        acceptor.setHandler(handler);
        acceptor.bind(new InetSocketAddress(config.listenAddress(), port));
        acceptors.put(name, acceptor);
    }

    /** The port each acceptor is bound to, by name ("dmconnect", ...). */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        acceptors.forEach((name, a) -> ports.put(name, a.getLocalAddress().getPort()));
        return ports;
    }

    public int port(String name) {
        return acceptors.get(name).getLocalAddress().getPort();
    }

    public Community community() {
        return community;
    }

    public Store store() {
        return store;
    }

    /**
     * Stops gracefully: no new connections, every session told and closed once its last line is
     * written, then the thread pools and the database.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        acceptors.values().forEach(NioSocketAcceptor::unbind);
        List<Session> open = new ArrayList<>(community.sessions().all());
        open.forEach(s -> s.disconnect(new Delivery.Notice(Delivery.Notice.Reason.SHUTTING_DOWN)));
        acceptors.values().forEach(a -> a.getManagedSessions().values().forEach(io -> io.closeOnFlush()
                .awaitUninterruptibly(2, TimeUnit.SECONDS)));
        acceptors.values().forEach(a -> a.dispose(true));
        processors.dispose();
        workers.close();
        store.close();
        log.info("Confab stopped");
    }

    static String version() {
        String v = ConfabServer.class.getPackage().getImplementationVersion();
        return v == null ? "(development)" : v;
    }
}
