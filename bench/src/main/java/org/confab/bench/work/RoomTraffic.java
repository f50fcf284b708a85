package org.confab.bench.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.confab.bench.dm.DmClient;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.RunResult;
import org.confab.bench.target.ProcessStats;

/**
 * Room chat under load: {@code fanout} (everyone in one room) and {@code rooms} (many small
 * rooms) are this workload with different plans. Measures completeness, duplicates,
 * deliveries per second and latency from send to each recipient's read.
 */
public final class RoomTraffic implements Workload {

    private static final int SETUP_IN_FLIGHT = 64;

    private final String name;
    private final RoomPlan plan;

    public RoomTraffic(String name, RoomPlan plan) {
        this.name = name;
        this.plan = plan;
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
        List<DmClient.Account> accounts = accounts(context.tag());
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            index.put(accounts.get(i).name(), i);
        }
        Crowd crowd = new Crowd(context, client -> {
            int i = index.get(client.account().name());
            client.receiver(new RoomReceiver(plan, plan.roomOf(i), board.forClient(i)));
        });
        List<DmClient> clients = crowd.connect(accounts, SETUP_IN_FLIGHT);
        List<String> warnings = new ArrayList<>(crowd.failures());
        Figures f = new Figures();
        putPlan(f);
        if (crowd.ready() < plan.clients()) {
            crowd.closeAll();
            f.put("ready", crowd.ready()).put("complete", 0.0);
            warnings.add(0, "only " + crowd.ready() + " of " + plan.clients() + " clients got ready");
            return new RunResult(name, context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        // Let the join notices drain before the clock starts.
        Thread.sleep(300);

        List<Sender> senders = new ArrayList<>();
        long interval = plan.flood() ? 0 : (long) (plan.senders() * 1e9 / plan.rate());
        for (int j = 0; j < plan.senders(); j++) {
            senders.add(new Sender(Outlet.room(clients.get(j)), (long) j * plan.messages(), plan.messages(), interval));
        }
        long serverCpuBefore = serverCpu(context);
        Generator.Mark before = gen.mark();
        long go = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int j = 0; j < senders.size(); j++) {
            Sender s = senders.get(j);
            long offset = plan.flood() ? 0 : interval * j / senders.size();
            gen.loop(j).execute(() -> s.start(go + offset));
        }
        board.await(plan.expectedDeliveries(), senders, context);
        Generator.Mark after = gen.mark();
        long serverCpuAfter = serverCpu(context);

        TallyBoard.Totals t = board.collect();
        crowd.closeAll();
        long expected = plan.expectedDeliveries();
        long lastSent = senders.stream().mapToLong(Sender::lastSentNanos).max().orElse(go);
        double seconds = Math.max(1, Math.max(t.lastNanos(), lastSent) - go) / 1e9;
        t.report(expected, plan.totalMessages(), seconds, f);
        f.put("dropped", crowd.dropped());
        if (serverCpuBefore >= 0 && serverCpuAfter >= 0) {
            double cpu = (serverCpuAfter - serverCpuBefore) / 1e9;
            f.put("server_cpu_s", cpu);
            if (t.delivered() > 0) {
                f.put("server_cpu_us_per_delivery", cpu * 1e6 / t.delivered());
            }
        }
        gen.report(before, after, f, warnings);
        gen.reportMachine(before, after, serverCpuBefore >= 0 && serverCpuAfter >= 0 ? serverCpuAfter - serverCpuBefore : -1,
                f, warnings);
        Sender.report(senders, !plan.flood(), f, warnings);
        if (t.delivered() < expected) {
            warnings.add(0, String.format(Locale.ROOT, "incomplete: %d of %d deliveries arrived", t.delivered(), expected));
        }
        return new RunResult(name, context.target().kind(), f, t.latency(), warnings);
    }

    private void putPlan(Figures f) {
        f.put("clients", plan.clients()).put("rooms", plan.rooms()).put("senders", plan.senders())
                .put("messages", plan.messages()).put("mode", plan.flood() ? "flood" : "paced");
        if (!plan.flood()) {
            f.put("rate", plan.rate());
        }
    }

    private List<DmClient.Account> accounts(String tag) {
        List<DmClient.Account> accounts = new ArrayList<>();
        for (int i = 0; i < plan.clients(); i++) {
            // One room: the default room every server has; many: each client creates its room if needed.
            String room = plan.rooms() == 1 ? "general" : "b" + tag + "r" + plan.roomOf(i);
            accounts.add(new DmClient.Account("b" + tag + "u" + i, "pw" + tag, true, room, plan.rooms() > 1));
        }
        return accounts;
    }

    private static long serverCpu(RunContext context) {
        return context.target().hasPid() ? ProcessStats.cpuNanos(context.target().pid()).orElse(-1) : -1;
    }
}
