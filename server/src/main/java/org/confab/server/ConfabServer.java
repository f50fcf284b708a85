package org.confab.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.mina.core.filterchain.IoFilter;
import org.apache.mina.core.service.IoHandler;
import org.apache.mina.core.service.SimpleIoProcessorPool;
import org.apache.mina.transport.socket.nio.NioSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import java.time.Clock;
import java.time.Duration;
import org.confab.server.access.Admission;
import org.confab.server.access.LoginThrottle;
import org.confab.server.admin.AdminChannel;
import org.confab.server.admin.AdminOperations;
import org.confab.server.account.Accounts;
import org.confab.server.contacts.Contacts;
import org.confab.server.account.PasswordHasher;
import org.confab.server.capability.Capabilities;
import org.confab.server.capability.Capability;
import org.confab.server.capability.ignore.IgnoreCapability;
import org.confab.server.capability.sessions.SessionsCapability;
import org.confab.server.capability.status.PresenceNotices;
import org.confab.server.capability.status.StatusCapability;
import org.confab.server.capability.upload.HttpFileUploadCapability;
import org.confab.server.community.Community;
import org.confab.server.config.ServerConfig;
import org.confab.server.delivery.Delivery;
import org.confab.server.dmconnect.DmconnectAcceptors;
import org.confab.server.limits.ConnectionsPerAddress;
import org.confab.server.dmconnect.SideChannel;
import org.confab.server.dmconnect.Unavailable;
import org.confab.server.federation.Federation;
import org.confab.server.federation.FederationSettings;
import org.confab.server.room.Rooms;
import org.confab.server.runtime.CompactSessionData;
import org.confab.server.runtime.ThreadSafeNioProcessor;
import org.confab.server.runtime.Workers;
import org.confab.server.session.Sessions;
import org.confab.server.upload.HttpUploads;
import org.confab.server.upload.UploadSettings;
import org.confab.server.vcom.GroupsCapability;
import org.confab.server.vcom.VcomPort;
import org.confab.storage.StorageException;
import org.confab.storage.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the store, the domain core and the protocol acceptors together; starts and stops them. */
public final class ConfabServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfabServer.class);

    private static final long STORE_COMPACTION_SECONDS = 10;
    private static final CompactSessionData SESSION_DATA = new CompactSessionData();

    private final ServerConfig config;
    private final Store store;
    private final Workers workers;
    private final Community community;
    private final Federation federation;
    private final Capabilities capabilities;
    private final SideChannel http;
    private final SimpleIoProcessorPool<NioSession> processors;
    private final ConnectionsPerAddress connectionLimit;
    private final Map<String, NioSocketAcceptor> acceptors = new LinkedHashMap<>();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private AdminChannel admin;
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
        workers.timers().scheduleWithFixedDelay(() -> workers.database().execute(this::compactStore),
                STORE_COMPACTION_SECONDS, STORE_COMPACTION_SECONDS, TimeUnit.SECONDS);
        LoginThrottle throttle = new LoginThrottle(config.loginMaxFailures(),
                Duration.ofSeconds(config.loginFailureWindowSeconds()), Clock.systemUTC());
        workers.timers().scheduleWithFixedDelay(throttle::purge, 1, 1, TimeUnit.MINUTES);
        Accounts accounts = new Accounts(store, new Admission(store), throttle,
                new PasswordHasher(config.passwordParameters()), workers.database(), workers.hashing(),
                config.registrationOpen());
        this.community = new Community(accounts, new Rooms(store, workers.database()), new Sessions(),
                new Contacts(store, workers.database()), store, workers.database(), config.offlineMaxMessagesPerAccount());
        this.federation = Federation.start(FederationSettings.from(config), community, workers.timers());
        PresenceNotices presence = new PresenceNotices(community, federation.peers());
        community.presence(presence);
        federation.presence(presence);
        List<Capability> offered = new ArrayList<>(List.of(
                StatusCapability.create(community, federation.peers(), presence),
                IgnoreCapability.create(community.contacts(), config.serverHost()),
                SessionsCapability.create(community.sessions())));
        UploadSettings uploads = UploadSettings.from(config);
        if (uploads.enabled()) {
            http = HttpUploads.start(uploads, store, accounts, workers.database(), workers.timers()).channel();
            offered.add(HttpFileUploadCapability.create(uploads, () -> port("dmconnect")));
        } else {
            http = Unavailable.http();
        }
        offered.add(GroupsCapability.create(community.rooms()));
        this.capabilities = new Capabilities(offered);
        this.processors = new SimpleIoProcessorPool<>(ThreadSafeNioProcessor.class, config.ioProcessors());
        this.connectionLimit = new ConnectionsPerAddress(config.limit("limits.connections-per-address"));
    }

    private void compactStore() {
        try {
            store.compact();
        } catch (StorageException e) {
            log.warn("Compacting the database failed; it is tried again later", e);
        }
    }

    /** Opens the store and binds every configured port. */
    public static ConfabServer start(ServerConfig config) {
        ConfabServer server = new ConfabServer(config);
        try {
            server.bind("dmconnect", config.dmconnectPort(), DmconnectAcceptors.plain(config, server.community,
                    server.capabilities, server.federation, server.http, server.workers.timers()));
            server.bind("dmconnect-encrypted", config.dmconnectEncryptedPort(), DmconnectAcceptors.encrypted(config,
                    server.community, server.capabilities, server.federation, server.workers.timers()));
            VcomPort vcom = VcomPort.create(config, server.community, server.store, server.workers.database(),
                    server.workers.timers());
            server.bind("vcom", config.vcomPort(), vcom.handler(), vcom.tls());
            if (config.vcomPlainPort().isPresent()) {
                server.bind("vcom-plain", config.vcomPlainPort().getAsInt(), vcom.handler());
            }
            server.admin = AdminChannel.open(config, AdminOperations.running(server));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
        log.info("Listening {}", server.ports().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        log.info("Confab {} started as {} with data in {}", version(), config.serverHost(), config.dataDir().toAbsolutePath());
        return server;
    }

    /**
     * Opens the store and the domain core without binding any port: what the admin CLI edits while
     * the server is stopped. Nobody can connect to it; close it like a started server.
     */
    public static ConfabServer offline(ServerConfig config) {
        return new ConfabServer(config);
    }

    private void bind(String name, int port, IoHandler handler, IoFilter... filters) throws IOException {
        NioSocketAcceptor acceptor = new NioSocketAcceptor(processors);
        acceptor.setSessionDataStructureFactory(SESSION_DATA);
        acceptor.setReuseAddress(true);
        // close() unbinds first and then tells each session why it ends; by default MINA would
        // drop the sessions on unbind, before they hear it.
        acceptor.setCloseOnDeactivation(false);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        for (IoFilter filter : filters) {
            acceptor.getFilterChain().addLast(filter.getClass().getSimpleName(), filter);
        }
        acceptor.setHandler(connectionLimit.guard(handler));
        acceptor.bind(new InetSocketAddress(config.listenAddress(), port));
        acceptors.put(name, acceptor);
    }

    /** The port each acceptor is bound to, by name ("dmconnect", ...). */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        acceptors.forEach((name, a) -> ports.put(name, a.getLocalAddress().getPort()));
        if (admin != null) {
            ports.put("admin", admin.port());
        }
        return ports;
    }

    /** The port of one acceptor, or of the admin channel ("admin"); still known after close(). */
    public int port(String name) {
        if (name.equals("admin")) {
            return admin.port();
        }
        return acceptors.get(name).getLocalAddress().getPort();
    }

    public ServerConfig config() {
        return config;
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
        if (admin != null) {
            admin.close();
        }
        acceptors.values().forEach(NioSocketAcceptor::unbind);
        community.closeAll(new Delivery.Notice(Delivery.Notice.Reason.SHUTTING_DOWN));
        acceptors.values().forEach(a -> a.getManagedSessions().values().forEach(io -> io.closeOnFlush()
                .awaitUninterruptibly(2, TimeUnit.SECONDS)));
        acceptors.values().forEach(a -> a.dispose(true));
        processors.dispose();
        federation.close();
        workers.close();
        store.close();
        log.info("Confab stopped");
        closedLatch.countDown();
    }

    /**
     * Returns once the server has been closed, by a signal or by {@code confab stop}; in the latter
     * case, once the stop request has been answered too, so that the process may end.
     */
    public void awaitClosed() throws InterruptedException {
        closedLatch.await();
        if (admin != null) {
            admin.awaitIdle(10, TimeUnit.SECONDS);
        }
    }

    public static String version() {
        String v = ConfabServer.class.getPackage().getImplementationVersion();
        return v == null ? "(development)" : v;
    }
}
