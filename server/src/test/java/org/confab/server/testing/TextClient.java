package org.confab.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A DMconnect client over a real socket, as a test drives it. Every read has a timeout. */
public final class TextClient implements AutoCloseable {

    public static final String GREETING = "Enter command (/login /register): ";
    private static final int READ_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private String registeredPassword;

    private TextClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static TextClient connect(int port) {
        return connect("127.0.0.1", port);
    }

    public static TextClient connect(String host, int port) {
        return connectFrom(null, host, port);
    }

    /**
     * A connection from a chosen local address ({@code 127.0.0.2}, say, which is loopback too), so
     * that a test can tell this client's address from others'; null lets the system choose.
     */
    public static TextClient connectFrom(String localAddress, String host, int port) {
        try {
            Socket s = new Socket();
            if (localAddress != null) {
                s.bind(new InetSocketAddress(localAddress, 0));
            }
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), READ_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            return new TextClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a message the way telnet does: the text and CRLF. */
    public TextClient send(String message) {
        return sendRaw((message + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends exactly these bytes, in one write. */
    public TextClient sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TextClient sendRaw(String text) {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next line, without its newline; fails the test if none comes in time. */
    public String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    fail("connection closed; partial line: '" + line.toString(StandardCharsets.UTF_8) + "'");
                }
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no line within " + READ_TIMEOUT_MS + " ms; partial: '"
                    + line.toString(StandardCharsets.UTF_8) + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TextClient expect(String... lines) {
        for (String expected : lines) {
            assertThat(readLine()).isEqualTo(expected);
        }
        return this;
    }

    public TextClient expectGreeting() {
        return expect(GREETING);
    }

    /**
     * Sends a keep-alive and returns every line that arrived before its reply. As the server
     * handles a connection's messages in order, an empty result proves nothing else was sent.
     */
    public List<String> sync() {
        send("/");
        List<String> before = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line.equals("*Ping*")) {
                return before;
            }
            before.add(line);
        }
    }

    public void expectNothingMore() {
        assertThat(sync()).isEmpty();
    }

    public TextClient register(String user, String password) {
        send("/register " + user + " " + password);
        expect("Registration successful. Please log in.");
        expectGreeting();
        registeredPassword = password;
        return this;
    }

    public TextClient login(String user, String password) {
        send("/login " + user + " " + password);
        expect("Login successful.");
        assertThat(readLine()).startsWith("Available servers: ");
        expect("Select a server using /join_server <server_name>.");
        return this;
    }

    public TextClient registerAndLogin(String user, String password) {
        return register(user, password).login(user, password);
    }

    /** True once the server has closed the connection (reads until end of stream). */
    public boolean awaitClosed() {
        return Sockets.awaitClosed(in);
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        Sockets.close(socket);
    }
}
