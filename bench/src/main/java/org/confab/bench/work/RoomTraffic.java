package org.confab.bench.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.confab.bench.dm.DmClient;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.RunResult;
import org.confab.bench.measure.Tally;
import org.confab.bench.target.ProcessStats;

/**
 * Room chat under load: {@code fanout} (everyone in one room) and {@code rooms} (many small
 * rooms) are this workload with different plans. Measures completeness, duplicates,
 * deliveries per second and latency from send to each recipient's read.
 */
public final class RoomTraffic implements Workload {

    /** After the last message was sent, this long without a new delivery ends the wait. */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(5);
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
        Tally[] tallies = new Tally[gen.size()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally();
        }
        List<DmClient.Account> accounts = accounts(context.tag());
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            index.put(accounts.get(i).name(), i);
        }
        Crowd crowd = new Crowd(context, client -> {
            int i = index.get(client.account().name());
            client.receiver(new RoomReceiver(plan, plan.roomOf(i), tallies[i % tallies.length]));
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
            senders.add(new Sender(clients.get(j), (long) j * plan.messages(), plan.messages(), interval));
        }
        long serverCpuBefore = serverCpu(context);
        Generator.Mark before = gen.mark();
        long go = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int j = 0; j < senders.size(); j++) {
            Sender s = senders.get(j);
            long offset = plan.flood() ? 0 : interval * j / senders.size();
            gen.loop(j).execute(() -> s.start(go + offset));
        }
        awaitDeliveries(context, tallies, senders);
        Generator.Mark after = gen.mark();
        long serverCpuAfter = serverCpu(context);

        Totals t = collect(gen, tallies);
        crowd.closeAll();
        long expected = plan.expectedDeliveries();
        long lastSent = senders.stream().mapToLong(Sender::lastSentNanos).max().orElse(go);
        double seconds = Math.max(1, Math.max(t.lastNanos, lastSent) - go) / 1e9;
        f.put("expected", expected).put("delivered", t.delivered).put("complete", (double) t.delivered / expected)
                .put("duplicates", t.duplicates).put("stray", t.stray).put("dropped", crowd.dropped())
                .put("elapsed_ms", seconds * 1000).put("deliveries_per_s", t.delivered / seconds)
                .put("messages_per_s", plan.totalMessages() / seconds);
        Latency.figures(t.latency, "", f);
        if (serverCpuBefore >= 0 && serverCpuAfter >= 0) {
            double cpu = (serverCpuAfter - serverCpuBefore) / 1e9;
            f.put("server_cpu_s", cpu);
            if (t.delivered > 0) {
                f.put("server_cpu_us_per_delivery", cpu * 1e6 / t.delivered);
            }
        }
        gen.report(before, after, f, warnings);
        reportSenders(senders, f, warnings);
        if (t.delivered < expected) {
            warnings.add(0, String.format(Locale.ROOT, "incomplete: %d of %d deliveries arrived", t.delivered, expected));
        }
        return new RunResult(name, context.target().kind(), f, t.latency, warnings);
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

    private void awaitDeliveries(RunContext context, Tally[] tallies, List<Sender> senders) throws InterruptedException {
        long expected = plan.expectedDeliveries();
        long deadline = context.deadlineNanos();
        long lastCount = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long count = 0;
            for (Tally t : tallies) {
                count += t.deliveredSoFar();
            }
            if (count >= expected) {
                return;
            }
            long now = System.nanoTime();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = now;
            } else if (senders.stream().allMatch(Sender::done) && now - lastProgress > QUIET_NANOS) {
                return;
            }
            Thread.sleep(2);
        }
    }

    private record Totals(long delivered, long duplicates, long stray, long lastNanos, Histogram latency) {
    }

    /** Reads each tally on its own loop, so that nothing is half-written. */
    private static Totals collect(Generator gen, Tally[] tallies) throws Exception {
        Histogram latency = Latency.newHistogram();
        long delivered = 0;
        long dups = 0;
        long stray = 0;
        long last = 0;
        for (int i = 0; i < tallies.length; i++) {
            Tally t = tallies[i];
            CompletableFuture<long[]> read = new CompletableFuture<>();
            gen.loop(i).execute(() -> {
                synchronized (latency) {
                    latency.add(t.latency());
                }
                read.complete(new long[] {t.delivered(), t.duplicates(), t.strays(), t.lastNanos()});
            });
            long[] v = read.get(10, TimeUnit.SECONDS);
            delivered += v[0];
            dups += v[1];
            stray += v[2];
            last = Math.max(last, v[3]);
        }
        return new Totals(delivered, dups, stray, last, latency);
    }

    private static long serverCpu(RunContext context) {
        return context.target().hasPid() ? ProcessStats.cpuNanos(context.target().pid()).orElse(-1) : -1;
    }

    private void reportSenders(List<Sender> senders, Figures f, List<String> warnings) {
        long backlog = senders.stream().mapToLong(Sender::maxBacklogBytes).max().orElse(0);
        f.put("send_backlog_max_bytes", backlog);
        if (!plan.flood()) {
            double lagMs = senders.stream().mapToLong(Sender::maxLagNanos).max().orElse(0) / 1e6;
            f.put("send_lag_max_ms", lagMs);
            if (lagMs > 5) {
                warnings.add(String.format(Locale.ROOT,
                        "send backlog: a paced sender fell %.1f ms behind its schedule; the generator did not keep the rate", lagMs));
            }
            if (backlog > 64 * 1024) {
                warnings.add("send backlog: " + backlog + " bytes waited in the generator for the server to read them");
            }
        }
    }
}
