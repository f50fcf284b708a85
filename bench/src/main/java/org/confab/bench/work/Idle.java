package org.confab.bench.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.confab.bench.dm.DmClient;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.RunResult;
import org.confab.bench.target.Target;

/**
 * Many logged-in sessions, each joined to a room (or vCom sessions over TLS), held open: what one
 * session costs the server.
 * The server is measured idle (after a small warm-up that loads the login path's classes), then
 * with every session in, once the database has settled from the logins; live heap comes from a
 * full GC, resident memory from /proc once the collection's freed heap has gone back to the OS.
 */
public final class Idle implements Workload {

    private static final int WARM_UP_SESSIONS = 100;
    private static final int SETUP_IN_FLIGHT = 128;

    private final int sessions;
    private final int perRoom;
    private final boolean vcom;
    private final int settleSeconds;
    private final int holdSeconds;
    private final int classRows;

    /** {@code vcom}: the sessions are vCom clients over TLS, in no room, rather than DMconnect ones. */
    public Idle(int sessions, int perRoom, boolean vcom, int settleSeconds, int holdSeconds, int classRows) {
        this.sessions = sessions;
        this.perRoom = perRoom;
        this.vcom = vcom;
        this.settleSeconds = settleSeconds;
        this.holdSeconds = holdSeconds;
        this.classRows = classRows;
    }

    @Override
    public String name() {
        return "idle";
    }

    @Override
    public Map<String, Boolean> headline() {
        Map<String, Boolean> h = new LinkedHashMap<>();
        h.put("ready", true);
        h.put("heap_per_session_bytes", false);
        h.put("rss_per_session_bytes", false);
        h.put("setup_per_s", true);
        return h;
    }

    @Override
    public RunResult run(RunContext context) throws Exception {
        Target target = context.target();
        List<String> warnings = new ArrayList<>();
        if (vcom) {
            VcomCrowd.requireVcom(context);
        }
        Figures f = new Figures().put("protocol", vcom ? "vcom" : "dmconnect").put("sessions", sessions)
                .put("per_room", vcom ? 0 : perRoom)
                .put("settle_s", settleSeconds)
                .put("source_addresses", context.sourceAddresses());
        if (!target.hasPid()) {
            warnings.add("no server pid: memory is not measured (give --pid)");
        }
        HeldCrowd warmUp = connect(context, context.tag() + "w", Math.min(WARM_UP_SESSIONS, sessions), null);
        warmUp.closeAll();
        Thread.sleep(500);
        ServerMemory idle = ServerMemory.settled(target);

        Histogram setup = Latency.newHistogram();
        long t0 = System.nanoTime();
        HeldCrowd crowd = connect(context, context.tag(), sessions, setup);
        double setupSeconds = (System.nanoTime() - t0) / 1e9;
        f.put("ready", crowd.ready()).put("failed", crowd.failureCount()).put("setup_s", setupSeconds)
                .put("setup_per_s", crowd.ready() / setupSeconds);
        warnings.addAll(crowd.failures());
        if (crowd.ready() < sessions) {
            warnings.add(0, "only " + crowd.ready() + " of " + sessions + " sessions got ready");
        }
        TimeUnit.SECONDS.sleep(Math.max(1, settleSeconds));
        ServerMemory full = ServerMemory.settled(target);
        idle.report("idle_", f);
        full.report("", f);
        int n = Math.max(1, crowd.ready());
        if (idle.heapBytes() > 0 && full.heapBytes() > 0) {
            f.put("heap_per_session_bytes", (double) (full.heapBytes() - idle.heapBytes()) / n);
        }
        if (idle.rssBytes() > 0 && full.rssBytes() > 0) {
            f.put("rss_per_session_bytes", (double) (full.rssBytes() - idle.rssBytes()) / n);
        }
        if (idle.heapBytes() > 0 && full.heapBytes() > 0) {
            System.out.print("Live heap added per session, by class (" + target.kind() + "):\n"
                    + full.heap().growthTable(idle.heap(), n, classRows));
        }
        TimeUnit.SECONDS.sleep(holdSeconds);
        f.put("dropped", crowd.dropped());
        crowd.closeAll();
        return new RunResult(name(), target.kind(), f, setup, warnings);
    }

    /**
     * {@code count} sessions set up, at most {@link #SETUP_IN_FLIGHT} at a time; DMconnect ones
     * record their setup time in {@code setup} if given.
     */
    private HeldCrowd connect(RunContext context, String tag, int count, Histogram setup) throws InterruptedException {
        if (vcom) {
            VcomCrowd crowd = new VcomCrowd(context, (i, from, packet) -> { });
            List<String> names = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                names.add("b" + tag + "v" + i);
            }
            crowd.connect(names, "pw" + tag, SETUP_IN_FLIGHT);
            return crowd;
        }
        Crowd crowd = new Crowd(context, client -> {
            if (setup != null) {
                synchronized (setup) {
                    setup.recordValue(Math.min(Latency.MAX_MICROS, client.ageNanos() / 1000));
                }
            }
        });
        crowd.connect(accounts(tag, count), SETUP_IN_FLIGHT);
        return crowd;
    }

    /** {@code perRoom} sessions share a room; each client creates its room if it is not there yet. */
    private List<DmClient.Account> accounts(String tag, int count) {
        List<DmClient.Account> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(new DmClient.Account("b" + tag + "s" + i, "pw" + tag, true, "b" + tag + "r" + (i / perRoom), true));
        }
        return accounts;
    }
}
