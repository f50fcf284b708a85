package org.confab.server.admin;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import org.confab.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin channel: a loopback-only port where the CLI sends one request per connection (see
 * {@link AdminWire}). Requests are served one at a time on a thread of their own, with plain
 * blocking I/O: they are rare, and their database work must never run on a MINA I/O thread.
 */
public final class AdminChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminChannel.class);

    private final ServerSocket socket;
    private final AdminSecret secret;
    private final AdminOperations operations;
    private final int maxRequestBytes;
    private final int timeoutMs;
    private final Thread thread;

    private AdminChannel(ServerSocket socket, AdminSecret secret, AdminOperations operations, ServerConfig config) {
        this.socket = socket;
        this.secret = secret;
        this.operations = operations;
        this.maxRequestBytes = config.adminMaxRequestBytes();
        this.timeoutMs = config.adminRequestTimeoutMs();
        this.thread = new Thread(this::serve, "confab-admin");
        thread.setDaemon(true);
    }

    /** Writes the secret on first start, binds 127.0.0.1 (never listen.address) and starts serving. */
    public static AdminChannel open(ServerConfig config, AdminOperations operations) throws IOException {
        AdminSecret secret = AdminSecret.loadOrCreate(config.dataDir());
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.adminPort()), 16);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot open the admin port 127.0.0.1:" + config.adminPort() + ": " + e.getMessage(), e);
        }
        AdminChannel channel = new AdminChannel(socket, secret, operations, config);
        channel.thread.start();
        return channel;
    }

    public int port() {
        return socket.getLocalPort();
    }

    /**
     * Stops accepting. A request being served (a stop request closes the server from this very
     * thread) still gets its reply; {@link #awaitIdle} waits for that.
     */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.warn("Closing the admin port: {}", e.getMessage());
        }
    }

    /** Waits until the request being served, if any, has been answered. */
    public void awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.currentThread() != thread) {
            thread.join(unit.toMillis(timeout));
        }
    }

    private void serve() {
        while (!socket.isClosed()) {
            Socket accepted;
            try {
                accepted = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.warn("Admin port failed to accept a connection: {}", e.getMessage());
                }
                continue;
            }
            try (Socket client = accepted) {
                client.setSoTimeout(timeoutMs);
                handle(client);
            } catch (IOException e) {
                // The client hung up, often before its reply: its business, not a server problem.
                log.debug("Admin connection from {} ended early: {}", accepted.getRemoteSocketAddress(), e.getMessage());
            } catch (RuntimeException e) {
                log.error("Admin request failed", e);
            }
        }
    }

    private void handle(Socket client) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        byte[] reply;
        try {
            reply = AdminWire.replyLine(answer(client, in));
        } catch (AdminException e) {
            reply = AdminWire.errorLine(e);
        } catch (SocketTimeoutException e) {
            log.warn("Admin connection from {} sent no request within {} ms", client.getRemoteSocketAddress(), timeoutMs);
            return;
        }
        out.write(reply);
        out.flush();
    }

    private AdminReply answer(Socket client, InputStream in) throws IOException {
        String line = AdminWire.readLine(in, maxRequestBytes);
        if (line == null) {
            throw AdminException.usage("empty admin request");
        }
        AdminWire.Envelope envelope = AdminWire.parseRequest(line);
        if (envelope.secret().isEmpty() || !secret.matches(envelope.secret())) {
            log.warn("Admin request refused from {}: {} secret", client.getRemoteSocketAddress(),
                    envelope.secret().isEmpty() ? "no" : "wrong");
            throw new AdminException(AdminException.Kind.REFUSED, envelope.secret().isEmpty()
                    ? "admin request refused: it carries no secret"
                    : "admin request refused: wrong secret (the CLI reads it from " + AdminSecret.FILE_NAME
                            + " in the server's data directory)");
        }
        log.info("Admin: {}", envelope);
        try {
            return operations.execute(envelope.request());
        } catch (AdminException e) {
            log.info("Admin: {} refused: {}", envelope.request().op(), e.getMessage());
            throw e;
        }
    }
}
