package org.confab.server.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.confab.server.admin.AdminException;
import org.confab.server.admin.AdminReply;
import org.confab.server.admin.AdminRequest;
import org.confab.server.admin.AdminSecret;
import org.confab.server.admin.AdminWire;
import org.confab.server.config.ServerConfig;

/** A connection to the admin channel of the server running on this machine; one request per connection. */
final class RunningServer implements AdminTarget {

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final Socket socket;
    private final Path dataDir;
    private final Duration timeout;

    private RunningServer(Socket socket, Path dataDir, Duration timeout) {
        this.socket = socket;
        this.dataDir = dataDir;
        this.timeout = timeout;
    }

    /** Empty when nothing listens on the admin port, i.e. the server is not running. */
    static Optional<RunningServer> connect(ServerConfig config, Duration timeout) throws IOException {
        if (config.adminPort() == 0) {
            return Optional.empty();
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.adminPort()), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            return Optional.of(new RunningServer(socket, config.dataDir(), timeout));
        } catch (ConnectException e) {
            socket.close();
            return Optional.empty();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public String mode() {
        return "server";
    }

    @Override
    public String description() {
        return "via running server at " + InetAddress.getLoopbackAddress().getHostAddress() + ":" + socket.getPort();
    }

    @Override
    public AdminReply execute(AdminRequest request) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(AdminWire.requestLine(secret(), request));
            out.flush();
            String reply = AdminWire.readLine(new BufferedInputStream(socket.getInputStream()), Integer.MAX_VALUE - 8);
            if (reply == null) {
                throw AdminException.failed("the server closed the admin connection without a reply (see its log)");
            }
            return AdminWire.parseReply(reply);
        } catch (SocketTimeoutException e) {
            throw AdminException.failed("no reply from the server within " + timeout.toSeconds() + " s (--timeout)");
        } catch (IOException e) {
            throw AdminException.failed("admin connection failed: " + e.getMessage());
        }
    }

    private String secret() throws IOException {
        Path file = AdminSecret.file(dataDir).toAbsolutePath();
        try {
            return AdminSecret.read(dataDir);
        } catch (NoSuchFileException e) {
            throw AdminException.failed("a server answers on the admin port, but there is no " + file
                    + "; give the CLI the server's configuration (--config FILE)");
        } catch (AccessDeniedException e) {
            throw AdminException.failed("cannot read " + file + ": run this as the user the server runs as");
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more is sent on this connection either way.
        }
    }
}
