package org.confab.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.confab.binary.ConnectionAccept;
import org.confab.binary.ConnectionDeny;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.FriendlistSync;
import org.confab.binary.ListSync;
import org.confab.binary.RequestUserListsSync;
import org.confab.binary.UserListsSync;
import org.confab.binary.VcomDecoder;
import org.confab.binary.VcomEncoder;
import org.confab.binary.VcomLimits;
import org.confab.binary.VcomPacket;
import org.confab.server.tls.TlsMaterial;

/**
 * A blocking vCom client over a real socket, TLS by default, trusting exactly the certificate the
 * server generated in its data directory. Every read has a timeout.
 */
public final class VcomClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 10_000;
    private static final VcomEncoder ENCODER = new VcomEncoder();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final VcomDecoder decoder = VcomDecoder.serverToClient(VcomLimits.defaults());
    private ByteBuffer buffer = ByteBuffer.allocate(0);
    private VcomPacket lastRead;
    private int deviceId;

    private VcomClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** TLS, trusting the certificate in {@code dataDir}; the handshake is done before this returns. */
    public static VcomClient connect(int port, Path dataDir) {
        return connect("127.0.0.1", port, dataDir);
    }

    /** The same for a server on another loopback address (a federation test's host). */
    public static VcomClient connect(String address, int port, Path dataDir) {
        return connect(address, port, trusting(dataDir));
    }

    /** The same with a context made once by {@link #trusting}, which is slow to make. */
    public static VcomClient connect(String address, int port, SSLContext context) {
        return connect(address, port, context, 0, "TLSv1.3", "TLSv1.2");
    }

    public static VcomClient connect(int port, SSLContext context, String... protocols) {
        return connect(port, context, 0, protocols);
    }

    /**
     * {@code socketBufferBytes}: the socket's send and receive buffers (0 leaves the system's), small
     * to make a reader that stops reading back up at once.
     */
    public static VcomClient connect(int port, SSLContext context, int socketBufferBytes, String... protocols) {
        return connect("127.0.0.1", port, context, socketBufferBytes, protocols);
    }

    private static VcomClient connect(String address, int port, SSLContext context, int socketBufferBytes, String... protocols) {
        try {
            SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket();
            if (socketBufferBytes > 0) {
                s.setReceiveBufferSize(socketBufferBytes);
                s.setSendBufferSize(socketBufferBytes);
            }
            s.setEnabledProtocols(protocols);
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(address, port), READ_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            s.startHandshake();
            return new VcomClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static VcomClient connectPlain(int port) {
        try {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            return new VcomClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS context that trusts only the server's generated certificate. */
    public static SSLContext trusting(Path dataDir) {
        try (InputStream keys = Files.newInputStream(dataDir.resolve(TlsMaterial.GENERATED_FILE))) {
            KeyStore generated = KeyStore.getInstance("PKCS12");
            generated.load(keys, TlsMaterial.GENERATED_PASSWORD);
            X509Certificate certificate = (X509Certificate) generated.getCertificate(generated.aliases().nextElement());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("confab", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public VcomClient send(VcomPacket packet) {
        return sendRaw(ENCODER.encode(packet));
    }

    /** Sends several packets in one write (one TLS record), so that the server reads them together. */
    public VcomClient sendTogether(VcomPacket... packets) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (VcomPacket p : packets) {
            all.writeBytes(ENCODER.encode(p));
        }
        return sendRaw(all.toByteArray());
    }

    public VcomClient sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next packet; fails the test when none comes in time or the connection closes. */
    public VcomPacket read() {
        while (true) {
            VcomPacket packet = decoder.decode(buffer);
            if (packet != null) {
                lastRead = packet;
                return packet;
            }
            byte[] chunk = new byte[16384];
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no packet within " + READ_TIMEOUT_MS + " ms" + soFar());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (n < 0) {
                throw new AssertionError("connection closed");
            }
            ByteBuffer grown = ByteBuffer.allocate(buffer.remaining() + n);
            grown.put(buffer).put(chunk, 0, n).flip();
            buffer = grown;
        }
    }

    /** What was read before a timeout: whether the server said nothing, or this client stopped mid-packet. */
    private String soFar() {
        String after = lastRead == null ? "; none read before" : "; the last was " + lastRead.getClass().getSimpleName();
        if (!buffer.hasRemaining()) {
            return after + ", and nothing of another";
        }
        byte[] start = new byte[Math.min(buffer.remaining(), 16)];
        buffer.duplicate().get(start);
        return after + ", then " + buffer.remaining() + " bytes of an incomplete one: "
                + HexFormat.of().formatHex(start) + (buffer.remaining() > start.length ? "..." : "");
    }

    public <T extends VcomPacket> T expect(Class<T> type) {
        VcomPacket packet = read();
        assertThat(packet).isInstanceOf(type);
        return type.cast(packet);
    }

    public VcomClient expect(VcomPacket expected) {
        assertThat(read()).isEqualTo(expected);
        return this;
    }

    /** Sends the connection request and reads 257 and 259; returns the 259. */
    public RequestUserListsSync login(String user, String password, int device) {
        send(new ConnectionRequest(user, device, password.getBytes(StandardCharsets.UTF_8)));
        deviceId = expect(ConnectionAccept.class).deviceId();
        return expect(RequestUserListsSync.class);
    }

    public RequestUserListsSync login(String user, String password) {
        return login(user, password, -1);
    }

    /** The device id the server gave at the last login. */
    public int deviceId() {
        return deviceId;
    }

    /** Expects 258 with the code, then the end of the connection. */
    public void expectDenied(int code) {
        assertThat(expect(ConnectionDeny.class).code()).isEqualTo((byte) code);
        assertThat(awaitClosed()).as("closed after 258").isTrue();
    }

    /**
     * Asks for the friendlist and returns every packet that arrived before the answer. As the
     * server handles a connection's packets in order, an empty result proves that everything sent
     * before was handled and answered with nothing.
     */
    public List<VcomPacket> sync() {
        send(new UserListsSync(ListSync.WANT_SERVER, ListSync.IN_SYNC));
        List<VcomPacket> before = new ArrayList<>();
        while (true) {
            VcomPacket p = read();
            if (p instanceof FriendlistSync) {
                return before;
            }
            before.add(p);
        }
    }

    public void expectNothingMore() {
        assertThat(sync()).isEmpty();
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
