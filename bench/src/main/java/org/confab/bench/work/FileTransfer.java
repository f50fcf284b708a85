package org.confab.bench.work;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.RunResult;
import org.confab.bench.target.HeapAfterGc;
import org.confab.bench.vcom.VcomClient;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferAbort;
import org.confab.binary.FileTransferAccept;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferId;
import org.confab.binary.FileTransferOffer;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.VcomPacket;

/**
 * One vCom file transfer of a given size relayed by the server over TLS, against a direct TLS
 * copy of the same packets on loopback measured in the same run; and how much the server's live
 * heap grew while it relayed (the largest heap a collection left during the transfer, against the
 * heap after a full collection before it).
 */
public final class FileTransfer implements Workload {

    private static final long WARM_UP_BYTES = 64L << 20;
    /**
     * Warm-up copies run until one during which the JIT compilers (the generator's, and the
     * server's when it can be watched) worked for at most this share of its time: a fresh
     * server's JIT goes on compiling the relay path for several seconds, through a first 64 MB and
     * into the measured copy, so that two copies in a row can be equally slow.
     */
    private static final double WARM = 0.02;
    private static final int MOST_WARM_UPS = 20;

    private final long size;

    public FileTransfer(long size) {
        if (size < 1 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a vCom file size is a positive int32");
        }
        this.size = size;
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Map<String, Boolean> headline() {
        Map<String, Boolean> h = new LinkedHashMap<>();
        h.put("relay_mb_s", true);
        h.put("relay_to_direct", true);
        h.put("server_heap_growth_bytes", false);
        return h;
    }

    @Override
    public RunResult run(RunContext context) throws Exception {
        VcomCrowd.requireVcom(context);
        Figures f = new Figures().put("size_bytes", size);
        List<String> warnings = new ArrayList<>();
        // The first megabytes run AES-GCM interpreted, ten times slower: warm the JIT up first.
        long warmUpBytes = Math.min(size, WARM_UP_BYTES);
        f.put("direct_warm_ups", warmUp(() -> DirectTlsCopy.run(context, warmUpBytes), List.of(FileTransfer::ownCompilationMillis)));
        double direct = DirectTlsCopy.run(context, size);
        if (direct > 0) {
            f.put("direct_mb_s", size / direct / 1e6);
        } else {
            warnings.add("the direct TLS copy did not finish");
        }
        AtomicReference<Relay> relay = new AtomicReference<>();
        VcomCrowd crowd = new VcomCrowd(context, (client, from, packet) -> relay.get().packet(client, packet));
        String receiver = "b" + context.tag() + "fb";
        List<VcomClient> clients = crowd.connect(List.of("b" + context.tag() + "fa", receiver), "pw" + context.tag());
        warnings.addAll(crowd.failures());
        if (crowd.ready() < 2) {
            crowd.closeAll();
            f.put("ready", crowd.ready());
            return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        HeapAfterGc heap = null;
        if (context.target().hasPid()) {
            try {
                heap = HeapAfterGc.connect(context.target().pid());
            } catch (IOException e) {
                warnings.add(e.getMessage());
            }
        }
        // The server's JIT warms up on relayed transfers too, as the generator's did on direct copies.
        List<Relay> warmUps = new ArrayList<>();
        List<Jit> jits = new ArrayList<>(List.of(FileTransfer::ownCompilationMillis));
        if (heap != null) {
            jits.add(heap::compilationMillis);
        }
        int relayWarmUps = warmUp(() -> {
            Relay warmUp = new Relay(clients.get(0), clients.get(1), warmUpBytes);
            warmUps.add(warmUp);
            relay.set(warmUp);
            return warmUp.run(context) ? warmUp.seconds() : -1;
        }, jits);
        if (relayWarmUps < 0) {
            crowd.closeAll();
            if (heap != null) {
                heap.close();
            }
            warnings.add(0, "a warm-up transfer did not finish: " + warmUps.get(warmUps.size() - 1).failure());
            return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        f.put("relay_warm_ups", relayWarmUps).put("warm_up_mb_s", warmUpBytes / warmUps.get(0).seconds() / 1e6);
        if (heap != null) {
            try {
                heap.rebase();
            } catch (IOException e) {
                warnings.add(e.getMessage());
                heap.close();
                heap = null;
            }
        }
        Relay measured = new Relay(clients.get(0), clients.get(1), size);
        relay.set(measured);
        CpuWindow cpu = CpuWindow.open(context);
        boolean finished = measured.run(context);
        cpu.close();
        if (heap != null) {
            try (HeapAfterGc watched = heap) {
                f.put("server_heap_growth_bytes", Math.max(0, watched.peakBytes() - watched.baselineBytes()))
                        .put("server_gcs", watched.collections());
            } catch (IOException e) {
                warnings.add(e.getMessage());
            }
        }
        crowd.closeAll();
        f.put("received_bytes", measured.received).put("corrupt_chunks", measured.corrupt);
        if (!finished) {
            warnings.add(0, "the relayed transfer did not finish: " + measured.failure());
            return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        double seconds = measured.seconds();
        f.put("relay_s", seconds).put("relay_mb_s", size / seconds / 1e6);
        if (direct > 0) {
            f.put("direct_s", direct).put("relay_to_direct", direct / seconds);
        }
        cpu.report(0, f, warnings);
        return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
    }

    /** A copy of the warm-up size: its seconds, or -1 when it failed. */
    private interface Copy {
        double seconds() throws Exception;
    }

    /** A JIT's total compilation time so far, in milliseconds. */
    private interface Jit {
        long millis() throws IOException;
    }

    private static long ownCompilationMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** Runs copies until one is warm; how many ran, or -1 when one failed. */
    private static int warmUp(Copy copy, List<Jit> jits) throws Exception {
        for (int n = 1; n <= MOST_WARM_UPS; n++) {
            long[] before = new long[jits.size()];
            for (int i = 0; i < before.length; i++) {
                before[i] = jits.get(i).millis();
            }
            double seconds = copy.seconds();
            if (seconds < 0) {
                return -1;
            }
            boolean warm = true;
            for (int i = 0; i < before.length; i++) {
                warm &= jits.get(i).millis() - before[i] <= WARM * seconds * 1000;
            }
            if (warm) {
                return n;
            }
        }
        return MOST_WARM_UPS;
    }

    /** One relayed transfer between two clients; each packet arrives on its client's loop. */
    private static final class Relay {
        final CountDownLatch done = new CountDownLatch(1);
        final VcomClient sender;
        final VcomClient receiver;
        final long size;
        volatile long start;
        volatile long end;
        volatile long received;
        volatile long corrupt;
        volatile String failure;

        Relay(VcomClient sender, VcomClient receiver, long size) {
            this.sender = sender;
            this.receiver = receiver;
            this.size = size;
        }

        /** Requests the transfer and waits for its end; false when it failed or timed out. */
        boolean run(RunContext context) throws InterruptedException {
            context.generator().loop(0).execute(() -> sender.send(new FileTransferRequest(receiver.user(), (int) size, "bench.bin")));
            boolean finished = done.await(context.timeout().toSeconds(), TimeUnit.SECONDS);
            return finished && failure == null;
        }

        String failure() {
            return failure == null ? "timeout" : failure;
        }

        double seconds() {
            return (end - start) / 1e9;
        }

        void packet(int client, VcomPacket packet) {
            if (packet instanceof FileTransferAbort abort) {
                failure = "aborted, reason " + abort.reason();
                done.countDown();
            } else if (client == 0) {
                senderPacket(packet);
            } else {
                receiverPacket(packet);
            }
        }

        private void senderPacket(VcomPacket packet) {
            if (packet instanceof FileTransferAccept accept) {
                int id = accept.transferId();
                start = System.nanoTime();
                ChunkStream stream = new ChunkStream(sender.conn(), id, size, sender::sendAll,
                        () -> sender.send(new FileTransferComplete(id)));
                sender.onDrained(stream::pump);
                stream.pump();
            } else if (!(packet instanceof FileTransferId)) {
                failure = "unexpected " + packet;
            }
        }

        private void receiverPacket(VcomPacket packet) {
            if (packet instanceof FileTransferOffer offer) {
                receiver.send(new FileTransferAccept(offer.transferId()));
            } else if (packet instanceof FileChunk chunk) {
                byte[] data = chunk.data();
                if (data.length > 0 && data[0] != ChunkStream.byteAt(received)) {
                    corrupt++;
                }
                received += data.length;
            } else if (packet instanceof FileTransferComplete) {
                end = System.nanoTime();
                done.countDown();
            }
        }
    }
}
