package org.confab.bench.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.RunResult;
import org.confab.bench.target.HeapSampler;
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
 * copy of the same packets on loopback measured in the same run; and how much the server's heap
 * grew while it relayed.
 */
public final class FileTransfer implements Workload {

    private static final long WARM_UP_BYTES = 64L << 20;

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
        DirectTlsCopy.run(context, Math.min(size, WARM_UP_BYTES));
        double direct = DirectTlsCopy.run(context, size);
        if (direct > 0) {
            f.put("direct_mb_s", size / direct / 1e6);
        } else {
            warnings.add("the direct TLS copy did not finish");
        }
        Relay relay = new Relay();
        VcomCrowd crowd = new VcomCrowd(context, relay::packet);
        String receiver = "b" + context.tag() + "fb";
        List<VcomClient> clients = crowd.connect(List.of("b" + context.tag() + "fa", receiver), "pw" + context.tag());
        warnings.addAll(crowd.failures());
        if (crowd.ready() < 2) {
            crowd.closeAll();
            f.put("ready", crowd.ready());
            return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        relay.sender = clients.get(0);
        relay.receiver = clients.get(1);
        HeapSampler heap = context.target().hasPid() ? new HeapSampler(context.target().pid()) : null;
        if (heap != null && !heap.awaitFirstSample(context.timeout().toSeconds(), TimeUnit.SECONDS)) {
            warnings.add("jstat reported nothing: the server's heap growth is not measured");
        }
        context.generator().loop(0).execute(() -> relay.sender.send(new FileTransferRequest(receiver, (int) size, "bench.bin")));
        boolean finished = relay.done.await(context.timeout().toSeconds(), TimeUnit.SECONDS);
        if (heap != null) {
            heap.close();
            if (heap.firstBytes() >= 0) {
                f.put("server_heap_growth_bytes", Math.max(0, heap.peakBytes() - heap.firstBytes()));
            }
        }
        crowd.closeAll();
        f.put("received_bytes", relay.received).put("corrupt_chunks", relay.corrupt);
        if (!finished || relay.failure != null) {
            warnings.add(0, "the relayed transfer did not finish: " + (relay.failure == null ? "timeout" : relay.failure));
            return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        double seconds = (relay.end - relay.start) / 1e9;
        f.put("relay_s", seconds).put("relay_mb_s", size / seconds / 1e6);
        if (direct > 0) {
            f.put("direct_s", direct).put("relay_to_direct", direct / seconds);
        }
        return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
    }

    /** Both ends of the relayed transfer; each packet arrives on its client's loop. */
    private final class Relay {
        final CountDownLatch done = new CountDownLatch(1);
        VcomClient sender;
        VcomClient receiver;
        volatile long start;
        volatile long end;
        volatile long received;
        volatile long corrupt;
        volatile String failure;

        void packet(int client, VcomClient from, VcomPacket packet) {
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
