package org.confab.bench.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.RunResult;

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
        TallyBoard board = new TallyBoard(context.generator());
        UnicastPairs chat = new UnicastPairs(context, pairs, messages, 0, board);
        boolean ready = chat.connect();
        VcomCrowd crowd = chat.crowd();
        Figures f = new Figures().put("pairs", pairs).put("messages", messages).put("mode", rate > 0 ? "paced" : "flood");
        List<String> warnings = new ArrayList<>(crowd.failures());
        if (!ready) {
            crowd.closeAll();
            f.put("ready", crowd.ready()).put("complete", 0.0);
            warnings.add(0, "only " + crowd.ready() + " of " + chat.clients() + " vCom clients got ready");
            return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        long interval = rate > 0 ? (long) (chat.clients() * 1e9 / rate) : 0;
        List<Sender> senders = chat.senders(interval);
        CpuWindow cpu = CpuWindow.open(context);
        long go = Sender.startAll(senders, interval);
        long expected = chat.expectedDeliveries();
        board.await(expected, senders, context);
        cpu.close();
        TallyBoard.Totals t = board.collect();
        crowd.closeAll();
        double seconds = Math.max(1, t.lastNanos() - go) / 1e9;
        t.report(expected, expected, seconds, f);
        cpu.report(t.delivered(), f, warnings);
        t.warnIfIncomplete(expected, warnings);
        return new RunResult(name(), context.target().kind(), f, t.latency(), warnings);
    }
}
