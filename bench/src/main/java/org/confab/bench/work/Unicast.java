package org.confab.bench.work;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.confab.bench.dm.Payload;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.RunResult;
import org.confab.bench.measure.Tally;
import org.confab.bench.vcom.VcomClient;
import org.confab.binary.UnicastMessage;

/**
 * vCom pairs over TLS: client {@code 2k} and {@code 2k+1} send each other private messages
 * (266, received as 264), flooding or at a paced total rate.
 */
public final class Unicast implements Workload {

    private final int pairs;
    private final int messages;
    private final double rate;

    public Unicast(int pairs, int messages, double rate) {
        this.pairs = pairs;
        this.messages = messages;
        this.rate = rate;
    }

    @Override
    public String name() {
        return "unicast";
    }

    @Override
    public Map<String, Boolean> headline() {
        Map<String, Boolean> h = new LinkedHashMap<>();
        h.put("deliveries_per_s", true);
        h.put("complete", true);
        h.put("p50_us", false);
        h.put("p99_us", false);
        return h;
    }

    @Override
    public RunResult run(RunContext context) throws Exception {
        VcomCrowd.requireVcom(context);
        int clients = 2 * pairs;
        TallyBoard board = new TallyBoard(context.generator());
        List<BitSet> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            seen.add(new BitSet(messages));
            names.add("b" + context.tag() + "v" + i);
        }
        long[] parsed = new long[2];
        VcomCrowd crowd = new VcomCrowd(context, (i, from, packet) -> {
            if (packet instanceof UnicastMessage m) {
                byte[] data = m.data();
                long now = System.nanoTime();
                if (Payload.parse(ByteBuffer.wrap(data), 0, data.length, parsed)) {
                    record(board.forClient(i), seen.get(i), partner(i), parsed[0], now - parsed[1], now);
                }
            }
        });
        List<VcomClient> all = crowd.connect(names, "pw" + context.tag());
        Figures f = new Figures().put("pairs", pairs).put("messages", messages).put("mode", rate > 0 ? "paced" : "flood");
        List<String> warnings = new ArrayList<>(crowd.failures());
        if (crowd.ready() < clients) {
            crowd.closeAll();
            f.put("ready", crowd.ready()).put("complete", 0.0);
            warnings.add(0, "only " + crowd.ready() + " of " + clients + " vCom clients got ready");
            return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            senders.add(new Sender(Outlet.unicast(all.get(i), names.get(partner(i))), (long) i * messages, messages, interval));
        }
        Generator.Mark before = context.mark();
        long go = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < clients; i++) {
            Sender s = senders.get(i);
            long offset = interval * i / clients;
            context.generator().loop(i).execute(() -> s.start(go + offset));
        }
        long expected = (long) clients * messages;
        board.await(expected, senders, context);
        Generator.Mark after = context.mark();
        TallyBoard.Totals t = board.collect();
        crowd.closeAll();
        double seconds = Math.max(1, t.lastNanos() - go) / 1e9;
        t.report(expected, expected, seconds, f);
        context.generator().report(before, after, f, warnings);
        if (t.delivered() < expected) {
            warnings.add(0, String.format(Locale.ROOT, "incomplete: %d of %d deliveries arrived", t.delivered(), expected));
        }
        return new RunResult(name(), context.target().kind(), f, t.latency(), warnings);
    }

    private static int partner(int client) {
        return client ^ 1;
    }

    private void record(Tally tally, BitSet seen, int from, long id, long latencyNanos, long now) {
        if (id / messages != from) {
            tally.stray();
        } else if (seen.get((int) (id % messages))) {
            tally.duplicate();
        } else {
            seen.set((int) (id % messages));
            tally.delivered(now, latencyNanos);
        }
    }
}
