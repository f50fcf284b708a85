package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilter.NextFilter;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;
import org.confab.server.testing.VcomClient;
import org.confab.server.tls.TlsMaterial;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The vCom TLS filter against a client {@link SSLEngine}, with no socket in between, so that the
 * records can be cut anywhere: a read may end inside a record header, inside a record, or hold
 * many records, and every plaintext byte must come up once, in order.
 */
class VcomTlsRecordsTest {

    private static Path dir;
    private static TlsMaterial material;

    @BeforeContainer
    static void material() throws Exception {
        dir = Files.createTempDirectory("confab-tls-test");
        material = TlsMaterial.load(Optional.empty(), new char[0], dir, "localhost");
    }

    @AfterContainer
    static void removeMaterial() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 40)
    void everyPlaintextByteComesUpOnceInOrderHoweverTheReadsCutTheRecords(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Pipe pipe = Pipe.handshaken(random);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            byte[] data = new byte[1 + random.nextInt(40_000)];
            random.nextBytes(data);
            sent.write(data);
            wire.write(pipe.clientWrap(data));
        }
        pipe.toServerInPieces(wire.toByteArray(), random);
        assertThat(pipe.received.toByteArray()).isEqualTo(sent.toByteArray());
    }

    @Property(tries = 20)
    void aWriteLeavesAsRecordsTheClientReadsAndIsReportedSentAsItself(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Pipe pipe = Pipe.handshaken(random);
        byte[] data = new byte[1 + random.nextInt(70_000)];
        random.nextBytes(data);
        WriteRequest write = new DefaultWriteRequest(IoBuffer.wrap(data));
        pipe.tls.filterWrite(pipe.next, pipe.session, write);
        assertThat(pipe.written).hasSize(1);
        WriteRequest records = pipe.written.get(0);
        assertThat(pipe.clientRead()).isEqualTo(data);
        pipe.tls.messageSent(pipe.next, pipe.session, records);
        assertThat(pipe.sentUp).containsExactly(write);
    }

    @Example
    void writesMadeBeforeTheHandshakeEndsLeaveAfterItInOrder() throws Exception {
        Pipe pipe = new Pipe();
        WriteRequest first = new DefaultWriteRequest(IoBuffer.wrap(new byte[] {1, 2}));
        WriteRequest second = new DefaultWriteRequest(IoBuffer.wrap(new byte[] {3}));
        pipe.tls.filterWrite(pipe.next, pipe.session, first);
        pipe.tls.filterWrite(pipe.next, pipe.session, second);
        assertThat(pipe.written).isEmpty();
        pipe.handshake(new Random(1));
        assertThat(pipe.clientRead()).containsExactly(1, 2, 3);
    }

    @Example
    void aRecordHeaderClaimingMoreThanTlsAllowsIsRefused() throws Exception {
        Pipe pipe = Pipe.handshaken(new Random(2));
        byte[] header = {23, 3, 3, (byte) 0xff, (byte) 0xff};
        byte[] garbage = new byte[0xffff];
        assertThatThrownBy(() -> {
            pipe.toServer(header);
            pipe.toServer(garbage);
        }).isInstanceOf(SSLException.class);
        assertThat(pipe.received.size()).isZero();
    }

    /** The filter on a dummy session, and a client engine talking to it through byte arrays. */
    private static final class Pipe {
        final VcomTls tls = new VcomTls(material.sslContext());
        final DummySession session = new DummySession();
        final SSLEngine client;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<WriteRequest> written = new ArrayList<>();
        final List<WriteRequest> sentUp = new ArrayList<>();
        final NextFilter next;
        private ByteBuffer inbox = ByteBuffer.allocate(0);

        Pipe() throws Exception {
            SSLContext clientContext = VcomClient.trusting(dir);
            client = clientContext.createSSLEngine("localhost", 0);
            client.setUseClientMode(true);
            next = (NextFilter) Proxy.newProxyInstance(NextFilter.class.getClassLoader(), new Class<?>[] {NextFilter.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "messageReceived" -> {
                                ByteBuffer b = ((IoBuffer) args[1]).buf();
                                byte[] bytes = new byte[b.remaining()];
                                b.get(bytes);
                                received.write(bytes);
                            }
                            case "filterWrite" -> written.add((WriteRequest) args[1]);
                            case "messageSent" -> sentUp.add((WriteRequest) args[1]);
                            default -> {
                            }
                        }
                        return null;
                    });
            tls.sessionCreated(next, session);
        }

        static Pipe handshaken(Random random) throws Exception {
            Pipe pipe = new Pipe();
            pipe.handshake(random);
            assertThat(pipe.clientRead()).isEmpty();
            return pipe;
        }

        /** Runs the handshake, the client's flights cut into random pieces. */
        void handshake(Random random) throws Exception {
            client.beginHandshake();
            for (int round = 0; round < 20; round++) {
                SSLEngineResult.HandshakeStatus status = client.getHandshakeStatus();
                if (status == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    client.getDelegatedTask().run();
                } else if (status == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    toServerInPieces(clientWrap(new byte[0]), random);
                } else if (status == SSLEngineResult.HandshakeStatus.NEED_UNWRAP) {
                    clientRead();
                } else {
                    return; // what the server wrote last (a session ticket, early writes) waits for clientRead
                }
            }
            throw new AssertionError("no handshake after 20 rounds: client " + client.getHandshakeStatus() + ", server wrote " + written.size() + ", server got " + received.size());
        }

        byte[] clientWrap(byte[] data) throws SSLException {
            ByteBuffer in = ByteBuffer.wrap(data);
            ByteBuffer out = ByteBuffer.allocate(data.length + 4 * client.getSession().getPacketBufferSize());
            do {
                client.wrap(in, out);
            } while (in.hasRemaining());
            out.flip();
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        }

        /** Everything the server has written so far, read by the client: the plaintext in it. */
        byte[] clientRead() throws SSLException {
            for (WriteRequest w : written) {
                ByteBuffer records = ((IoBuffer) w.getMessage()).buf();
                inbox = ByteBuffer.allocate(inbox.remaining() + records.remaining()).put(inbox).put(records).flip();
            }
            written.clear();
            ByteBuffer plain = ByteBuffer.allocate(inbox.remaining() + client.getSession().getApplicationBufferSize());
            while (inbox.hasRemaining()) {
                SSLEngineResult r = client.unwrap(inbox, plain);
                if (client.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    client.getDelegatedTask().run();
                }
                if (r.bytesConsumed() == 0) {
                    break; // the client has something to write first
                }
            }
            plain.flip();
            byte[] bytes = new byte[plain.remaining()];
            plain.get(bytes);
            return bytes;
        }

        /** Pieces of one byte up to a few records, like the reads of a socket under load. */
        void toServerInPieces(byte[] bytes, Random random) throws Exception {
            int at = 0;
            while (at < bytes.length) {
                int n = Math.min(bytes.length - at, random.nextBoolean() ? 1 + random.nextInt(8) : 1 + random.nextInt(70_000));
                byte[] piece = new byte[n];
                System.arraycopy(bytes, at, piece, 0, n);
                toServer(piece);
                at += n;
            }
        }

        void toServer(byte[] piece) throws Exception {
            tls.messageReceived(next, session, IoBuffer.wrap(piece));
        }
    }
}
