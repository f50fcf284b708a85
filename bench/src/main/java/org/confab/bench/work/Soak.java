package org.confab.bench.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.RunResult;
import org.confab.bench.target.HeapSampler;

/**
 * A long run that looks for leaks: DMconnect clients chatting in small rooms and vCom pairs
 * sending each other private messages, every client at the same pace, for a set time. Every
 * delivery is counted once (missing and duplicates after a drain), and every so often the
 * server's live heap after a full GC, its resident memory and open files are sampled: under a
 * steady load, a leak is a live heap that keeps climbing.
 */
public final class Soak implements Workload {

    private static final int GROWTH_TABLE_ROWS = 15;

    private final int clients;
    private final int perRoom;
    private final int vcomPairs;
    private final double rate;
    private final Duration duration;
    private final Duration sampleEvery;

    /**
     * @param clients every client, {@code 2 * vcomPairs} of them over vCom, the rest over DMconnect
     * @param rate messages per second from all clients together, each client sending its share
     */
    public Soak(int clients, int perRoom, int vcomPairs, double rate, Duration duration, Duration sampleEvery) {
        if (vcomPairs < 0 || clients - 2 * vcomPairs < 1 || perRoom < 1 || rate <= 0
                || duration.toMillis() <= 0 || sampleEvery.toMillis() <= 0) {
            throw new IllegalArgumentException(
                    "need at least one DMconnect client besides the vCom pairs, per-room >= 1, and a positive rate, duration and sample interval");
        }
        this.clients = clients;
        this.perRoom = perRoom;
        this.vcomPairs = vcomPairs;
        this.rate = rate;
        this.duration = duration;
        this.sampleEvery = sampleEvery;
    }

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public Map<String, Boolean> headline() {
        Map<String, Boolean> h = new LinkedHashMap<>();
        h.put("complete", true);
        h.put("missing", false);
        h.put("duplicates", false);
        h.put("heap_slope_kb_per_min", false);
        h.put("heap_last_to_first", false);
        h.put("rss_slope_kb_per_min", false);
        h.put("p99_us", false);
        return h;
    }

    @Override
    public RunResult run(RunContext context) throws Exception {
        int dmClients = clients - 2 * vcomPairs;
        long interval = (long) (clients * 1e9 / rate);
        int messages = (int) Math.max(1, Math.round(duration.toNanos() / (double) interval));
        RoomPlan plan = new RoomPlan(dmClients, Math.max(1, dmClients / perRoom), dmClients, messages, rate * dmClients / clients);
        TallyBoard board = new TallyBoard(context.generator());
        RoomChat rooms = new RoomChat(context, plan, board);
        UnicastPairs pairs = new UnicastPairs(context, vcomPairs, messages, plan.totalMessages(), board);
        Figures f = new Figures().put("clients", clients).put("dm_clients", dmClients).put("rooms", plan.rooms())
                .put("vcom_clients", pairs.clients()).put("rate", rate).put("messages_per_client", messages)
                .put("duration_s", messages * interval / 1e9).put("sample_every_s", sampleEvery.toMillis() / 1e3);
        boolean ready = rooms.connect() && (vcomPairs == 0 || pairs.connect());
        List<String> warnings = new ArrayList<>(rooms.crowd().failures());
        warnings.addAll(pairs.crowd().failures());
        if (!ready) {
            closeAll(rooms, pairs);
            int got = rooms.crowd().ready() + pairs.crowd().ready();
            f.put("ready", got).put("complete", 0.0);
            warnings.add(0, "only " + got + " of " + clients + " clients got ready");
            return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        if (!context.target().hasPid()) {
            warnings.add("no server pid: memory is not sampled (give --pid)");
        }

        MemorySeries memory = new MemorySeries(context.target(), System.out);
        memory.sample(0, MemorySeries.Phase.IDLE, 0);
        List<Sender> senders = new ArrayList<>(rooms.senders(interval));
        senders.addAll(pairs.senders(interval));
        long expected = plan.expectedDeliveries() + pairs.expectedDeliveries();
        CpuWindow cpu;
        long go;
        long peakHeap;
        try (HeapSampler heap = context.target().hasPid() ? new HeapSampler(context.target().pid()) : null) {
            if (heap != null) {
                heap.awaitFirstSample(context.timeout().toSeconds(), TimeUnit.SECONDS);
            }
            cpu = CpuWindow.open(context);
            go = Sender.startAll(senders, interval);
            sampleUnderLoad(go, senders, board, memory);
            board.await(expected, senders, context);
            peakHeap = heap == null ? -1 : heap.peakBytes();
        }
        cpu.close();
        memory.sample((System.nanoTime() - go) / 1e9, MemorySeries.Phase.DRAINED, board.deliveredSoFar());

        TallyBoard.Totals t = board.collect();
        closeAll(rooms, pairs);
        long lastSent = senders.stream().mapToLong(Sender::lastSentNanos).max().orElse(go);
        t.report(expected, (long) clients * messages, Math.max(1, Math.max(t.lastNanos(), lastSent) - go) / 1e9, f);
        f.put("missing", expected - t.delivered()).put("dropped", rooms.crowd().dropped());
        memory.report(f, warnings);
        if (peakHeap > 0) {
            f.put("heap_peak_used_bytes", peakHeap);
        }
        cpu.report(t.delivered(), f, warnings);
        Sender.report(senders, true, f, warnings);
        t.warnIfIncomplete(expected, warnings);
        String growth = memory.growthTable(GROWTH_TABLE_ROWS);
        if (!growth.isEmpty()) {
            System.out.print("Live heap growth by class, first to last sample under load (" + context.target().kind() + "):\n"
                    + growth);
        }
        return new RunResult(name(), context.target().kind(), f, t.latency(), warnings);
    }

    /** Samples every {@code sampleEvery} from the start of the load until every sender is done or the duration is up. */
    private void sampleUnderLoad(long go, List<Sender> senders, TallyBoard board, MemorySeries memory) throws InterruptedException {
        long end = go + duration.toNanos();
        long next = go + sampleEvery.toNanos();
        long now;
        while ((now = System.nanoTime()) < end && !senders.stream().allMatch(Sender::done)) {
            if (now < next) {
                // Wakes often enough to notice the senders are done.
                Thread.sleep(Math.min((Math.min(next, end) - now) / 1_000_000 + 1, 200));
                continue;
            }
            memory.sample((now - go) / 1e9, MemorySeries.Phase.LOAD, board.deliveredSoFar());
            while (next <= System.nanoTime()) {
                next += sampleEvery.toNanos();
            }
        }
    }

    private static void closeAll(RoomChat rooms, UnicastPairs pairs) throws InterruptedException {
        rooms.crowd().closeAll();
        pairs.crowd().closeAll();
    }
}
