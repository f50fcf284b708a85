package org.confab.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
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
    /** Loading the generated key store costs a PBKDF2 run: once per server, not once per connection. */
    private SSLContext tls;

    private TestServer(Path dataDir, Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.settings = new LinkedHashMap<>();
        settings.put("server.host", HOST);
        settings.put("listen.address", "127.0.0.1");
        settings.put("data.dir", dataDir.toString());
        settings.put("admin.account", ADMIN);
        settings.put("dmconnect.port", "0");
        settings.put("dmconnect.encrypted-port", "0");
        settings.put("admin.port", "0");
        settings.put("dmconnect.greeting-delay-ms", "60");
        settings.put("dmconnect.fragment-wait-ms", "40");
        // Tests open many connections from one address and send fast; LimitsTest checks the limits.
        settings.put("limits.connections-per-address", "0");
        settings.put("limits.messages-per-second", "0");
        // Nothing listens on port 1: a test that names another host gets its failure at once.
        settings.put("federation.peer-port", "1");
        settings.put("vcom.port", "0");
        settings.putAll(overrides);
    }

    public static TestServer start() {
        return start(Map.of());
    }

    public static TestServer start(Map<String, String> overrides) {
        return start(TempDirs.create("confab-test"), overrides);
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

    /**
     * One of several federated hosts in a test: it listens on its own loopback address, which is
     * also its host name, on the port every host of the test shares (so each dials the others
     * on the port it listens on itself).
     */
    public static TestServer host(String address, int sharedPort, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.host", address);
        settings.put("listen.address", address);
        settings.put("dmconnect.port", Integer.toString(sharedPort));
        settings.put("federation.peer-port", Integer.toString(sharedPort));
        // Other hosts write their request at once, but a busy machine can delay them past the
        // tests' usual 60 ms, and a request taken for a chat client is lost; this is the default.
        settings.put("dmconnect.greeting-delay-ms", "250");
        settings.putAll(overrides);
        return start(settings);
    }

    /** A port free on every one of the given loopback addresses. */
    public static int freePortOn(String... addresses) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(addresses[0]))) {
                port = probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (Arrays.stream(addresses).allMatch(a -> isFree(a, port))) {
                return port;
            }
        }
        throw new IllegalStateException("no port free on all of " + String.join(", ", addresses));
    }

    private static boolean isFree(String address, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(address))) {
            return true;
        } catch (IOException e) {
            return false;
        }
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

    public int encryptedPort() {
        return server.port("dmconnect-encrypted");
    }

    /**
     * Runs {@code confab admin ARGS} (or {@code confab ARGS} when the first is "stop") with this
     * server's data directory and admin port, as an operator would with its configuration.
     */
    public Cli.Result cli(String... args) {
        return cliWithInput("", args);
    }

    public Cli.Result cliWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>();
        if (!args[0].equals("stop")) {
            all.add("admin");
        }
        all.addAll(List.of(args));
        all.addAll(List.of("--set", "data.dir=" + dataDir, "--set", "admin.port=" + server.port("admin")));
        return Cli.run(stdin, all.toArray(String[]::new));
    }

    public TextClient connect() {
        return TextClient.connect(address(), dmconnectPort());
    }

    /** The loopback address this server listens on. */
    public String address() {
        return settings.get("listen.address");
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
        if (tls == null) {
            tls = VcomClient.trusting(dataDir);
        }
        return VcomClient.connect(address(), vcomPort(), tls);
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
        Await.until(() -> !server.community().sessions().isOnline(user.toLowerCase(Locale.ROOT)), user + " offline");
    }

    @Override
    public void close() {
        server.close();
    }
}
