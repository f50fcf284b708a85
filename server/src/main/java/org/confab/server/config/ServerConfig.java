package org.confab.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.confab.binary.VcomLimits;
import org.confab.server.account.PasswordHasher.HashParameters;

/**
 * The server's settings. The commented {@code confab.properties} bundled with this class is both
 * the defaults and the documentation: every key and its default exist in that one file, which the
 * distribution ships as {@code conf/confab.properties}.
 */
public final class ServerConfig {

    public static final String DEFAULTS_RESOURCE = "confab.properties";
    /** Set by bin/confab to the installation directory. */
    public static final String HOME_PROPERTY = "confab.home";

    /** The installation's conf/confab.properties, when started from an installation that has one. */
    public static Path installedConfigFile() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null) {
            return null;
        }
        Path file = Path.of(home, "conf", "confab.properties");
        return Files.isRegularFile(file) ? file : null;
    }

    private final Properties values;

    private ServerConfig(Properties values) {
        this.values = values;
    }

    public static Properties defaults() {
        Properties p = new Properties();
        try (InputStream in = ServerConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled defaults", e);
        }
        return p;
    }

    /**
     * Defaults, then the file (if any), then the overrides. Unknown keys are refused so that a
     * misspelt key does not silently leave its default in force.
     */
    public static ServerConfig load(Path file, Map<String, String> overrides) {
        Properties merged = defaults();
        Set<String> known = merged.stringPropertyNames();
        Set<String> unknown = new TreeSet<>();
        if (file != null) {
            Properties fromFile = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                fromFile.load(in);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage());
            }
            for (String key : fromFile.stringPropertyNames()) {
                merged.setProperty(key, fromFile.getProperty(key).strip());
                if (!known.contains(key)) {
                    unknown.add(key);
                }
            }
        }
        overrides.forEach((key, value) -> {
            if (!known.contains(key)) {
                unknown.add(key);
            }
            merged.setProperty(key, value.strip());
        });
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown configuration keys: " + String.join(", ", unknown));
        }
        ServerConfig config = new ServerConfig(merged);
        config.validate();
        return config;
    }

    public static ServerConfig of(Map<String, String> overrides) {
        return load(null, overrides);
    }

    private void validate() {
        serverHost();
        port("dmconnect.port");
        dmconnectEncryptedPort();
        dmconnectHandshakeTimeoutMs();
        dmconnectGreetingDelayMs();
        dmconnectFragmentWaitMs();
        dmconnectMaxMessageBytes();
        maxOutboundBytes();
        passwordParameters();
        ioProcessors();
        databaseThreads();
        hashingThreads();
        bool("registration.open");
        loginMaxFailures();
        loginFailureWindowSeconds();
        values.stringPropertyNames().stream().filter(k -> k.startsWith("limits.")).forEach(this::limit);
        federationEnabled();
        federationPeerPort();
        federationConnectTimeoutMs();
        federationReadTimeoutMs();
        federationDialbackTimeoutMs();
        federationLivenessIntervalMs();
        federationLivenessFailures();
        federationThreads();
        federationMaxQueuedPerHost();
        uploadEnabled();
        uploadMaxFileBytes();
        uploadRetentionSeconds();
        uploadSweepIntervalSeconds();
        uploadMaxFilesPerAccount();
        uploadMaxBytesPerAccount();
        uploadMaxHeaderBytes();
        uploadMaxConcurrent();
        uploadRequestTimeoutSeconds();
        adminPort();
        adminMaxRequestBytes();
        adminRequestTimeoutMs();
        validateVcom();
    }

    private void validateVcom() {
        port("vcom.port");
        vcomPlainPort();
        vcomKeystore();
        vcomLoginTimeoutMs();
        vcomMaxFileBytes();
        vcomMaxTransfersPerAccount();
        vcomMaxTransfers();
        offlineMaxMessagesPerAccount();
        VcomLimits limits = vcomLimits();
        // A buffer smaller than one message packet would refuse valid traffic.
        long largestMessage = Math.max((long) limits.maxStringBytes() + limits.maxDataBytes() + 21,
                2L * limits.maxStringBytes() + 16);
        if (vcomMaxBufferedBytes() < largestMessage) {
            throw new ConfigException("vcom.max-buffered-bytes must be at least " + largestMessage
                    + " (one message packet at the vcom.max-* limits)");
        }
        // The receiver of a file must never be cut off as a slow reader while its sender is paused.
        if ((long) vcomTransferWindowBytes() + limits.maxDataBytes() >= maxOutboundBytes()) {
            throw new ConfigException("vcom.transfer-window-bytes plus vcom.max-data-bytes must be below"
                    + " session.max-outbound-bytes");
        }
    }

    public String get(String key) {
        return values.getProperty(key);
    }

    public String serverHost() {
        String host = get("server.host");
        if (host.isEmpty() || host.contains(" ") || host.contains("@")) {
            throw new ConfigException("server.host must be a host name, got '" + host + "'");
        }
        return host;
    }

    public String listenAddress() {
        return get("listen.address");
    }

    /** A relative data directory lives in the installation directory when started by bin/confab. */
    public Path dataDir() {
        Path dir = Path.of(get("data.dir"));
        String home = System.getProperty(HOME_PROPERTY);
        return dir.isAbsolute() || home == null ? dir : Path.of(home).resolve(dir);
    }

    public String adminAccount() {
        return get("admin.account");
    }

    public int adminPort() {
        return port("admin.port");
    }

    public int adminMaxRequestBytes() {
        return intBetween("admin.max-request-bytes", 1024, 16 << 20);
    }

    public int adminRequestTimeoutMs() {
        return intBetween("admin.request-timeout-ms", 100, 600_000);
    }

    public boolean registrationOpen() {
        return bool("registration.open");
    }

    public int loginMaxFailures() {
        return intBetween("login.max-failures", 1, 1_000_000);
    }

    public int loginFailureWindowSeconds() {
        return intBetween("login.failure-window-seconds", 1, 86_400);
    }

    /** A limit from the {@code limits.} section: a whole number, 0 meaning "no limit". */
    public int limit(String key) {
        return intBetween(key, 0, Integer.MAX_VALUE);
    }

    public int dmconnectPort() {
        return port("dmconnect.port");
    }

    public int dmconnectEncryptedPort() {
        return port("dmconnect.encrypted-port");
    }

    public int dmconnectHandshakeTimeoutMs() {
        return intBetween("dmconnect.handshake-timeout-ms", 100, 600_000);
    }

    public String dmconnectPingReply() {
        return get("dmconnect.ping-reply");
    }

    public int dmconnectGreetingDelayMs() {
        return intBetween("dmconnect.greeting-delay-ms", 0, 10_000);
    }

    public int dmconnectFragmentWaitMs() {
        return intBetween("dmconnect.fragment-wait-ms", 1, 10_000);
    }

    public int dmconnectMaxMessageBytes() {
        return intBetween("dmconnect.max-message-bytes", 256, 1 << 20);
    }

    public int maxOutboundBytes() {
        return intBetween("session.max-outbound-bytes", 4096, Integer.MAX_VALUE);
    }

    public boolean federationEnabled() {
        return bool("federation.enabled");
    }

    public int federationPeerPort() {
        return intBetween("federation.peer-port", 1, 65_535);
    }

    public int federationConnectTimeoutMs() {
        return intBetween("federation.connect-timeout-ms", 100, 60_000);
    }

    public int federationReadTimeoutMs() {
        return intBetween("federation.read-timeout-ms", 100, 300_000);
    }

    public int federationDialbackTimeoutMs() {
        return intBetween("federation.dialback-timeout-ms", 100, 60_000);
    }

    public int federationLivenessIntervalMs() {
        return intBetween("federation.liveness-interval-ms", 50, 86_400_000);
    }

    public int federationLivenessFailures() {
        return intBetween("federation.liveness-failures", 1, 1_000);
    }

    public int federationThreads() {
        return intBetween("federation.threads", 1, 1_024);
    }

    public int federationMaxQueuedPerHost() {
        return intBetween("federation.max-queued-per-host", 1, 1_000_000);
    }

    public boolean uploadEnabled() {
        return bool("upload.enabled");
    }

    public int uploadMaxFileBytes() {
        return intBetween("upload.max-file-bytes", 1, 1 << 30);
    }

    public int uploadRetentionSeconds() {
        return intBetween("upload.retention-seconds", 1, 365 * 86_400);
    }

    public int uploadSweepIntervalSeconds() {
        return intBetween("upload.sweep-interval-seconds", 1, 86_400);
    }

    public int uploadMaxFilesPerAccount() {
        return intBetween("upload.max-files-per-account", 1, 1_000_000);
    }

    public long uploadMaxBytesPerAccount() {
        return intBetween("upload.max-bytes-per-account-mib", 1, 1 << 20) * 1024L * 1024L;
    }

    public int uploadMaxHeaderBytes() {
        return intBetween("upload.max-header-bytes", 256, 1 << 20);
    }

    public int uploadMaxConcurrent() {
        return intBetween("upload.max-concurrent", 1, 10_000);
    }

    public int uploadRequestTimeoutSeconds() {
        return intBetween("upload.request-timeout-seconds", 1, 3_600);
    }

    public int vcomPort() {
        return port("vcom.port");
    }

    /** Empty when the plaintext vCom port is off (the key is empty). */
    public OptionalInt vcomPlainPort() {
        return get("vcom.plain-port").isEmpty() ? OptionalInt.empty() : OptionalInt.of(port("vcom.plain-port"));
    }

    /** Empty when the server generates its own key and certificate. */
    public Optional<Path> vcomKeystore() {
        String file = get("vcom.tls.keystore");
        return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
    }

    public char[] vcomKeystorePassword() {
        return get("vcom.tls.keystore-password").toCharArray();
    }

    public int vcomLoginTimeoutMs() {
        return intBetween("vcom.login-timeout-ms", 100, 600_000);
    }

    public VcomLimits vcomLimits() {
        int maxData = intBetween("vcom.max-data-bytes", 1024, 16 << 20);
        return new VcomLimits(intBetween("vcom.max-string-bytes", 64, 1 << 20), maxData,
                intBetween("vcom.max-list-entries", 1, 1_000_000), intBetween("vcom.max-chunk-bytes", 1, maxData));
    }

    public int vcomMaxBufferedBytes() {
        return intBetween("vcom.max-buffered-bytes", 4096, 1 << 30);
    }

    public int vcomMaxFileBytes() {
        return intBetween("vcom.max-file-bytes", 0, Integer.MAX_VALUE);
    }

    public int vcomMaxTransfersPerAccount() {
        return intBetween("vcom.max-transfers-per-account", 0, 10_000);
    }

    public int vcomMaxTransfers() {
        return intBetween("vcom.max-transfers", 0, 1_000_000);
    }

    public int vcomTransferWindowBytes() {
        return intBetween("vcom.transfer-window-bytes", 4096, 1 << 30);
    }

    public int offlineMaxMessagesPerAccount() {
        return intBetween("offline.max-messages-per-account", 0, 10_000_000);
    }

    public HashParameters passwordParameters() {
        try {
            return new HashParameters(intBetween("password.argon2.memory-kib", 8, 4 << 20),
                    intBetween("password.argon2.iterations", 1, 100),
                    intBetween("password.argon2.parallelism", 1, 64));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("password.argon2.*: " + e.getMessage());
        }
    }

    public int ioProcessors() {
        return orCores(intBetween("io.processors", 0, 256));
    }

    public int databaseThreads() {
        return orCores(intBetween("database.threads", 0, 256));
    }

    /**
     * By default one core is left to the I/O threads: hashing is CPU-bound, and a login storm that
     * takes every core makes every connected user wait for the scheduler.
     */
    public int hashingThreads() {
        int n = intBetween("hashing.threads", 0, 256);
        return n == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors() - 1) : n;
    }

    private static int orCores(int n) {
        return n == 0 ? Runtime.getRuntime().availableProcessors() : n;
    }

    private int port(String key) {
        return intBetween(key, 0, 65_535);
    }

    private boolean bool(String key) {
        String v = get(key);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(key + " must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    private int intBetween(String key, int min, int max) {
        String v = get(key);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, got '" + v + "'");
        }
    }
}
