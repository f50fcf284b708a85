package org.confab.bench.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One selector thread. Everything registered on a loop is touched only by its thread; other
 * threads hand it work through {@link #execute}. Timers are loop-local so that paced senders
 * need no extra threads.
 */
public final class Loop implements AutoCloseable {

    /** What a selection key is attached to. */
    public interface Selectable {
        void ready(SelectionKey key);
    }

    private record Timer(long atNanos, long seq, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(atNanos, o.atNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    // One read buffer per loop, for whatever is registered on it: 19,000 idle connections must not each hold one.
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private long timerSeq;
    private volatile boolean running = true;

    public Loop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public Selector selector() {
        return selector;
    }

    public ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** Scratch space for one write at a time on this loop's thread. */
    public ByteBuffer writeBuffer() {
        return writeBuffer;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    public void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop()) {
            selector.wakeup();
        }
    }

    /** Runs {@code task} on this loop at {@code atNanos} (System.nanoTime); loop thread only. */
    public void schedule(long atNanos, Runnable task) {
        timers.add(new Timer(atNanos, timerSeq++, task));
    }

    /** CPU time this loop's thread has used, in nanoseconds (-1 when the JVM cannot tell). */
    public long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    private void run() {
        while (running) {
            try {
                runTasks();
                long wait = untilNextTimer();
                if (wait == 0 || !tasks.isEmpty()) {
                    selector.selectNow();
                } else {
                    // Sub-millisecond timers are rounded up; pacing timestamps come from the actual send.
                    selector.select(wait < 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid()) {
                        ((Selectable) key.attachment()).ready(key);
                    }
                }
                selector.selectedKeys().clear();
                runTimers();
            } catch (IOException | RuntimeException e) {
                // One misbehaving connection must not end the loop for the others.
                System.err.println("bench: loop " + thread.getName() + ": " + e);
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    /** -1: no timer; 0: one is due. */
    private long untilNextTimer() {
        Timer next = timers.peek();
        return next == null ? -1 : Math.max(0, next.atNanos - System.nanoTime());
    }

    private void runTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().atNanos <= now) {
            timers.poll().task.run();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException e) {
            // Closing at the end of a run; nothing left to save.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
