package org.confab.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.confab.server.ConfabServer;
import org.confab.server.config.ServerConfig;

/**
 * The real server for a test: ephemeral ports on loopback, a temporary data directory, real H2.
 * Greeting delay and fragment wait are shortened so tests run fast; everything else is default.
 */
public final class TestServer implements AutoCloseable {

    public static final String HOST = "confab.test";
    public static final String ADMIN = "root";

    private final Path dataDir;
    private final Map<String, String> settings;
    private ConfabServer server;

    private TestServer(Path dataDir, Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.settings = new LinkedHashMap<>();
        settings.put("server.host", HOST);
        settings.put("listen.address", "127.0.0.1");
        settings.put("data.dir", dataDir.toString());
        settings.put("admin.account", ADMIN);
        settings.put("dmconnect.port", "0");
        settings.put("dmconnect.greeting-delay-ms", "60");
        settings.put("dmconnect.fragment-wait-ms", "40");
        settings.put("vcom.port", "0");
        settings.putAll(overrides);
    }

    public static TestServer start() {
        return start(Map.of());
    }

    public static TestServer start(Map<String, String> overrides) {
        try {
            return start(Files.createTempDirectory("confab-test"), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestServer start(Path dataDir, Map<String, String> overrides) {
        TestServer t = new TestServer(dataDir, overrides);
        t.server = ConfabServer.start(ServerConfig.of(t.settings));
        return t;
    }

    /** Stops and starts the server again on the same data directory (new ports). */
    public void restart() {
        server.close();
        server = ConfabServer.start(ServerConfig.of(settings));
    }

    public ConfabServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int dmconnectPort() {
        return server.port("dmconnect");
    }

    public TextClient connect() {
        return TextClient.connect(dmconnectPort());
    }

    /** A new connection, greeted, with an account registered and logged in. */
    public TextClient loggedIn(String user) {
        TextClient c = connect();
        c.expectGreeting();
        c.registerAndLogin(user, "pw-" + user);
        return c;
    }

    /** A logged-in connection that has joined a room. */
    public TextClient inRoom(String user, String room) {
        TextClient c = loggedIn(user);
        c.send("/join_server " + room);
        c.expect("Joined server '" + room + "' successfully.", "*** " + user + " has joined the server.");
        return c;
    }

    public int vcomPort() {
        return server.port("vcom");
    }

    /** A vCom connection over TLS, trusting the certificate the server generated. */
    public VcomClient vcom() {
        return VcomClient.connect(vcomPort(), dataDir);
    }

    /**
     * A vCom connection logged in as {@code user} (registered by that login if new), on a new
     * device, and online: the round trip after the login proves the server has registered it.
     */
    public VcomClient vcom(String user) {
        VcomClient c = vcom();
        c.login(user, "pw-" + user);
        c.expectNothingMore();
        return c;
    }

    /** Waits until the server has seen every session of the account close. */
    public void awaitOffline(String user) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.community().sessions().isOnline(user.toLowerCase(java.util.Locale.ROOT))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(user + " still online after 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
