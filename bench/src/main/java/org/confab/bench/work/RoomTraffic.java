package org.confab.bench.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.RunResult;

/**
 * Room chat under load: {@code fanout} (everyone in one room) and {@code rooms} (many small
 * rooms) are this workload with different plans. Measures completeness, duplicates,
 * deliveries per second and latency from send to each recipient's read.
 */
public final class RoomTraffic implements Workload {

    private final String name;
    private final RoomPlan plan;
    private final int warmUpMessages;

    /**
     * {@code warmUpMessages} per sender go first, at the same rate, and are not measured: the
     * server's JIT compiles its fan-out path during the first seconds, which a short paced run
     * would otherwise count in its tail.
     */
    public RoomTraffic(String name, RoomPlan plan, int warmUpMessages) {
        this.name = name;
        this.plan = plan;
        this.warmUpMessages = warmUpMessages;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Boolean> headline() {
        Map<String, Boolean> h = new LinkedHashMap<>();
        h.put("deliveries_per_s", true);
        h.put("complete", true);
        h.put("p50_us", false);
        h.put("p99_us", false);
        h.put("max_us", false);
        h.put("server_cpu_us_per_delivery", false);
        return h;
    }

    @Override
    public RunResult run(RunContext context) throws Exception {
        Generator gen = context.generator();
        TallyBoard board = new TallyBoard(gen);
        RoomPlan warmUp = warmUpMessages > 0 ? plan.withMessages(warmUpMessages) : null;
        TallyBoard warmUpBoard = new TallyBoard(gen);
        RoomChat chat = new RoomChat(context, plan, board, warmUp, warmUpBoard);
        Crowd crowd = chat.crowd();
        boolean ready = chat.connect();
        List<String> warnings = new ArrayList<>(crowd.failures());
        Figures f = new Figures();
        putPlan(f);
        if (!ready) {
            crowd.closeAll();
            f.put("ready", crowd.ready()).put("complete", 0.0);
            warnings.add(0, "only " + crowd.ready() + " of " + plan.clients() + " clients got ready");
            return new RunResult(name, context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        // Let the join notices drain before the clock starts.
        Thread.sleep(300);

        long interval = plan.flood() ? 0 : (long) (plan.senders() * 1e9 / plan.rate());
        if (warmUp != null) {
            List<Sender> warmUpSenders = chat.warmUpSenders(interval);
            Sender.startAll(warmUpSenders, interval);
            warmUpBoard.await(warmUp.expectedDeliveries(), warmUpSenders, context);
            long warmedUp = warmUpBoard.collect().delivered();
            f.put("warm_up_messages", warmUpMessages).put("warm_up_complete", (double) warmedUp / warmUp.expectedDeliveries());
        }
        List<Sender> senders = chat.senders(interval);
        CpuWindow cpu = CpuWindow.open(context);
        long go = Sender.startAll(senders, interval);
        board.await(plan.expectedDeliveries(), senders, context);
        cpu.close();

        TallyBoard.Totals t = board.collect();
        crowd.closeAll();
        long expected = plan.expectedDeliveries();
        long lastSent = senders.stream().mapToLong(Sender::lastSentNanos).max().orElse(go);
        double seconds = Math.max(1, Math.max(t.lastNanos(), lastSent) - go) / 1e9;
        t.report(expected, plan.totalMessages(), seconds, f);
        f.put("dropped", crowd.dropped());
        cpu.report(t.delivered(), f, warnings);
        Sender.report(senders, !plan.flood(), f, warnings);
        t.warnIfIncomplete(expected, warnings);
        return new RunResult(name, context.target().kind(), f, t.latency(), warnings);
    }

    private void putPlan(Figures f) {
        f.put("clients", plan.clients()).put("rooms", plan.rooms()).put("senders", plan.senders())
                .put("messages", plan.messages()).put("mode", plan.flood() ? "flood" : "paced");
        if (!plan.flood()) {
            f.put("rate", plan.rate());
        }
    }
}
