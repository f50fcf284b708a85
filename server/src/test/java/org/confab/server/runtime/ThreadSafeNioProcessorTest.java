package org.confab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.confab.server.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading suspended and resumed on a thread that is not the I/O thread, as vCom does when a
 * packet's handling ends on a database thread, over a real connection. The interleavings that
 * lost MINA's interest set are forced: the connection's selection key, which MINA keeps to its
 * own package, is reached by reflection and replaced by one that can stop the I/O thread.
 */
class ThreadSafeNioProcessorTest {

    private final AtomicReference<Thread> ioThread = new AtomicReference<>();
    private final ExecutorService ioExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "io-under-test");
        t.setDaemon(true);
        ioThread.set(t);
        return t;
    });
    private final ThreadSafeNioProcessor processor = new ThreadSafeNioProcessor(ioExecutor);
    private final NioSocketAcceptor acceptor = new NioSocketAcceptor(processor);
    private final CompletableFuture<IoSession> accepted = new CompletableFuture<>();
    private final AtomicLong received = new AtomicLong();
    private final Socket client = new Socket();

    @BeforeEach
    void listen() throws Exception {
        acceptor.setHandler(new IoHandlerAdapter() {
            @Override
            public void sessionOpened(IoSession session) {
                accepted.complete(session);
            }

            @Override
            public void messageReceived(IoSession session, Object message) {
                received.addAndGet(((IoBuffer) message).remaining());
            }
        });
        acceptor.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        acceptor.dispose(true);
        processor.dispose();
        ioExecutor.shutdownNow();
    }

    private NioSession connect() throws Exception {
        client.connect(acceptor.getLocalAddress(), 5_000);
        client.setSoTimeout(10_000);
        return (NioSession) accepted.get(10, TimeUnit.SECONDS);
    }

    /**
     * The I/O thread reads the interest set to clear OP_WRITE before a flush; before it writes it
     * back, another thread resumes reading. With MINA's processor the write-back erased OP_READ
     * and the connection was never read again: the list-sync hang.
     */
    @Test
    void readingResumedWhileTheIoThreadChangesTheInterestSetIsNotLost() throws Exception {
        NioSession io = connect();
        io.suspendRead();
        Thread resumer = new Thread(io::resumeRead, "database-thread");
        CompletableFuture<Void> overlapped = new CompletableFuture<>();
        StoppingKey key = StoppingKey.replace(io);
        key.onNextReadBy(ioThread.get(), () -> {
            resumer.start();
            // It resumes reading at once, or waits for the I/O thread to be done with the set.
            Await.until(() -> resumer.getState() == Thread.State.TERMINATED || resumer.getState() == Thread.State.BLOCKED,
                    "the resumer done or waiting");
            overlapped.complete(null);
        });
        io.write(IoBuffer.wrap(new byte[] {1})); // the I/O thread flushes it
        overlapped.get(10, TimeUnit.SECONDS);
        resumer.join(10_000);

        client.getOutputStream().write(new byte[] {2, 3, 4});
        Await.until(() -> received.get() == 3, "the server reads the connection again");
        assertThat(io.isReadSuspended()).isFalse();
    }

    /**
     * A write the peer is slow to take waits for OP_WRITE; MINA's resumeRead set OP_WRITE from the
     * write queue alone, which no longer holds the write under way, and so cleared it: the rest
     * of the write was never sent.
     */
    @Test
    void resumingReadingDoesNotStallAWriteThePeerIsSlowToTake() throws Exception {
        client.setReceiveBufferSize(4096);
        acceptor.getSessionConfig().setSendBufferSize(4096);
        NioSession io = connect();
        int size = 1 << 20;
        io.write(IoBuffer.wrap(new byte[size]));
        SelectionKey key = selectionKey(io);
        Await.until(() -> (key.interestOps() & SelectionKey.OP_WRITE) != 0, "the I/O thread waiting to write more");

        io.suspendRead();
        io.resumeRead();

        assertThat(readUpTo(size)).as("bytes the client received").isEqualTo(size);
    }

    /** What the client receives until {@code size} bytes, the end of the stream or 10 s without any. */
    private long readUpTo(long size) throws Exception {
        InputStream in = client.getInputStream();
        byte[] chunk = new byte[65536];
        long got = 0;
        try {
            for (int n; got < size && (n = in.read(chunk)) >= 0; ) {
                got += n;
            }
        } catch (SocketTimeoutException e) {
            // got says how far it came
        }
        return got;
    }

    private static SelectionKey selectionKey(NioSession io) throws ReflectiveOperationException {
        Method get = NioSession.class.getDeclaredMethod("getSelectionKey");
        get.setAccessible(true);
        return (SelectionKey) get.invoke(io);
    }

    /** A connection's selection key that can stop a thread between reading the interest set and writing it back. */
    private static final class StoppingKey extends SelectionKey {

        private final SelectionKey real;
        private volatile Thread stopped;
        private volatile Runnable whileStopped;

        private StoppingKey(SelectionKey real) {
            this.real = real;
        }

        static StoppingKey replace(NioSession io) throws ReflectiveOperationException {
            StoppingKey key = new StoppingKey(selectionKey(io));
            Method set = NioSession.class.getDeclaredMethod("setSelectionKey", SelectionKey.class);
            set.setAccessible(true);
            set.invoke(io, key);
            return key;
        }

        /** The next time {@code thread} reads the interest set, it runs {@code action} before it goes on. */
        void onNextReadBy(Thread thread, Runnable action) {
            whileStopped = action;
            stopped = thread;
        }

        @Override
        public int interestOps() {
            int ops = real.interestOps();
            if (Thread.currentThread() == stopped) {
                stopped = null;
                whileStopped.run();
            }
            return ops;
        }

        @Override
        public SelectionKey interestOps(int ops) {
            real.interestOps(ops);
            return this;
        }

        @Override
        public SelectableChannel channel() {
            return real.channel();
        }

        @Override
        public Selector selector() {
            return real.selector();
        }

        @Override
        public boolean isValid() {
            return real.isValid();
        }

        @Override
        public void cancel() {
            real.cancel();
        }

        @Override
        public int readyOps() {
            return real.readyOps();
        }
    }
}
