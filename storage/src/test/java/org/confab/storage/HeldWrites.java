package org.confab.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code held:}) over the disk that can stop the next write to a database file
 * before it reaches the file: the state a kill -9 at that moment would leave on disk. H2 makes one
 * instance per path, so the pending hold is shared.
 */
public final class HeldWrites extends FilePathWrapper {

    /** The write that was stopped: the writer waits inside it until {@link #release}. */
    static final class Hold {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile Thread writer;

        /** The thread stopped in the write, once it has come. */
        Thread awaitWriter() throws InterruptedException {
            if (!reached.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("no write to the database file within 10 s");
            }
            return writer;
        }

        void release() {
            released.countDown();
        }

        private void stop() throws InterruptedIOException {
            writer = Thread.currentThread();
            reached.countDown();
            try {
                if (!released.await(30, TimeUnit.SECONDS)) {
                    throw new InterruptedIOException("held write never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while held");
            }
        }
    }

    private static final AtomicReference<Hold> PENDING = new AtomicReference<>();

    static {
        FilePath.register(new HeldWrites());
    }

    /** Public for H2, which makes an instance per path reflectively. */
    public HeldWrites() {
    }

    /** The JDBC URL of a store in {@code dataDir} on this file system, with the server's settings. */
    static String url(Path dataDir) {
        return "jdbc:h2:held:" + dataDir.toAbsolutePath().resolve("confab") + Store.FILE_SETTINGS;
    }

    /** Stops the next write to a database file, by whichever thread makes it. */
    static Hold holdNextWrite() {
        Hold hold = new Hold();
        PENDING.set(hold);
        return hold;
    }

    @Override
    public String getScheme() {
        return "held";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel file = super.open(mode);
        return name.endsWith(".mv.db") ? new Channel(file) : file;
    }

    private static final class Channel extends FileBase {
        private final FileChannel file;

        Channel(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            stopIfHeld();
            return file.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            stopIfHeld();
            return file.write(src, position);
        }

        private static void stopIfHeld() throws InterruptedIOException {
            Hold hold = PENDING.getAndSet(null);
            if (hold != null) {
                hold.stop();
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
