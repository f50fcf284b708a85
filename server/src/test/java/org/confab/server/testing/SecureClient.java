package org.confab.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.confab.text.secure.Handshake;
import org.confab.text.secure.SecureFrameCodec;
import org.confab.text.secure.SessionKeys;

/**
 * A client of the encrypted port, built on the same protocol-text classes as the server but in
 * the client's role: read the server's value, send ours, then one frame per message.
 */
public final class SecureClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 10_000;
    /** A relayed line carries a name prefix on top of the largest message a client may send. */
    private static final int MAX_INCOMING_BYTES = 64 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] hello;
    private final SecureFrameCodec codec;

    private SecureClient(Socket socket, byte[] hello, SecureFrameCodec codec) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.hello = hello;
        this.codec = codec;
    }

    public static SecureClient connect(String host, int port) {
        SecureClient c = open(host, port);
        return c.sendRaw(c.hello);
    }

    /**
     * Connected, the server's value read and the keys derived, but this client's own value not yet
     * sent: for tests that send {@link #hello()} themselves, or something else in its place.
     */
    public static SecureClient open(String host, int port) {
        try {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), READ_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] serverHello = new byte[2 + in.readUnsignedShort()];
            in.readFully(serverHello, 2, serverHello.length - 2);
            serverHello[0] = (byte) ((serverHello.length - 2) >>> 8);
            serverHello[1] = (byte) (serverHello.length - 2);
            Handshake handshake = new Handshake(new SecureRandom());
            SessionKeys keys = handshake.readPeerHello(ByteBuffer.wrap(serverHello));
            return new SecureClient(s, handshake.helloFrame(), new SecureFrameCodec(keys, MAX_INCOMING_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SecureClient send(String message) {
        return sendRaw(codec.encode(message));
    }

    public SecureClient sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This client's Diffie-Hellman value as it goes on the wire. */
    public byte[] hello() {
        return hello.clone();
    }

    /** A frame this client's keys make, for tests that tamper with it. */
    public byte[] frame(String message) {
        return codec.encode(message);
    }

    /** The next message: one frame's text. */
    public String readMessage() {
        try {
            int length = in.readInt();
            byte[] frame = new byte[4 + length];
            ByteBuffer.wrap(frame).putInt(length);
            in.readFully(frame, 4, length);
            return codec.decode(ByteBuffer.wrap(frame));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no frame within " + READ_TIMEOUT_MS + " ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SecureClient expect(String... messages) {
        for (String expected : messages) {
            assertThat(readMessage()).isEqualTo(expected);
        }
        return this;
    }

    public SecureClient registerAndLogin(String user, String password) {
        expect(TextClient.GREETING);
        send("/register " + user + " " + password).expect("Registration successful. Please log in.", TextClient.GREETING);
        return login(user, password);
    }

    /** Logs in an account that exists, once greeted. */
    public SecureClient login(String user, String password) {
        send("/login " + user + " " + password).expect("Login successful.");
        assertThat(readMessage()).startsWith("Available servers: ");
        return expect("Select a server using /join_server <server_name>.");
    }

    /**
     * Sends a keep-alive and returns every line that arrived before its reply, a message of
     * several lines (help texts) as its lines; empty proves nothing else was sent, as with
     * {@link TextClient#sync()}.
     */
    public List<String> sync() {
        send("/");
        List<String> before = new ArrayList<>();
        for (String message = readMessage(); !message.equals("*Ping*"); message = readMessage()) {
            before.addAll(List.of(message.split("\n", -1)));
        }
        return before;
    }

    public Socket socket() {
        return socket;
    }

    /** True once the server has closed the connection. */
    public boolean awaitClosed() {
        return Sockets.awaitClosed(in);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort in tests.
        }
    }
}
