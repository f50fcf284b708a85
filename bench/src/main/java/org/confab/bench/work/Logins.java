package org.confab.bench.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.confab.bench.dm.DmClient;
import org.confab.bench.dm.LoginProbe;
import org.confab.bench.dm.PlainWire;
import org.confab.bench.dm.SecureWire;
import org.confab.bench.measure.Figures;
import org.confab.bench.measure.Latency;
import org.confab.bench.measure.RunResult;
import org.confab.bench.measure.Tally;
import org.confab.bench.net.Conn;

/**
 * A connect-login-disconnect storm, while two sessions chat at a steady pace in a room of their
 * own: the login rate the password hashing allows, and whether the storm stalls anyone else.
 * The main latency is the chat's; logins have their own figures.
 */
public final class Logins implements Workload {

    private static final int ACCOUNTS = 20;
    private static final double CHAT_RATE = 50;

    private final int logins;
    private final int concurrency;
    private final int durationSeconds;

    public Logins(int logins, int concurrency, int durationSeconds) {
        this.logins = logins;
        this.concurrency = concurrency;
        this.durationSeconds = durationSeconds;
    }

    @Override
    public String name() {
        return "logins";
    }

    @Override
    public Map<String, Boolean> headline() {
        Map<String, Boolean> h = new LinkedHashMap<>();
        h.put("logins_per_s", true);
        h.put("login_p99_us", false);
        h.put("p99_us", false);
        h.put("max_us", false);
        return h;
    }

    @Override
    public RunResult run(RunContext context) throws Exception {
        String password = "pw" + context.tag();
        List<DmClient.Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(new DmClient.Account("b" + context.tag() + "l" + i, password, true, null, false));
        }
        Crowd registered = new Crowd(context, c -> { });
        registered.connect(accounts, ACCOUNTS);
        registered.closeAll();

        // The chat: a sender and a listener in a room of their own, both recording what they hear.
        Tally chatTally = new Tally();
        String room = "b" + context.tag() + "chat";
        RoomPlan chatPlan = new RoomPlan(2, 1, 1, (int) (CHAT_RATE * (durationSeconds + 30)), CHAT_RATE);
        Crowd chat = new Crowd(context, c -> c.receiver(new RoomReceiver(chatPlan, 0, chatTally)));
        List<DmClient> chatters = chat.connect(List.of(
                new DmClient.Account("b" + context.tag() + "c0", password, true, room, true),
                new DmClient.Account("b" + context.tag() + "c1", password, true, room, true)), 2);
        List<String> warnings = new ArrayList<>(registered.failures());
        warnings.addAll(chat.failures());
        Figures f = new Figures().put("logins", logins).put("concurrency", concurrency);
        if (chat.ready() < 2 || registered.ready() < ACCOUNTS) {
            chat.closeAll();
            f.put("ready", chat.ready() + registered.ready());
            warnings.add(0, "setup failed");
            return new RunResult(name(), context.target().kind(), f, Latency.newHistogram(), warnings);
        }
        // Both chatters sit on loop 0: the chat's clock and its receivers share a thread, as one client would.
        Sender chatSender = new Sender(Outlet.room(chatters.get(0)), 0, chatPlan.messages(), (long) (1e9 / CHAT_RATE));
        context.generator().loop(0).execute(() -> chatSender.start(System.nanoTime()));
        Thread.sleep(1000);

        Storm storm = new Storm(context, accounts, password);
        CpuWindow cpu = CpuWindow.open(context);
        long t0 = System.nanoTime();
        storm.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        cpu.close();

        Histogram chatLatency = Latency.newHistogram();
        CountDownLatch read = new CountDownLatch(1);
        long[] chatCounts = new long[2];
        context.generator().loop(0).execute(() -> {
            chatLatency.add(chatTally.latency());
            chatCounts[0] = chatTally.delivered();
            chatCounts[1] = chatTally.duplicates();
            read.countDown();
        });
        read.await(10, TimeUnit.SECONDS);
        chat.closeAll();

        f.put("logged_in", storm.ok.get()).put("login_failures", storm.failed.get()).put("storm_s", seconds)
                .put("logins_per_s", storm.ok.get() / seconds);
        Latency.figures(storm.latency, "login_", f);
        f.put("chat_deliveries", chatCounts[0]).put("chat_duplicates", chatCounts[1]);
        Latency.figures(chatLatency, "", f);
        cpu.report(0, f, warnings);
        Sender.report(List.of(chatSender), true, f, warnings);
        storm.failures.stream().limit(3).forEach(w -> warnings.add("login failed: " + w));
        if (storm.ok.get() + storm.failed.get() < logins) {
            warnings.add(String.format(Locale.ROOT, "the storm stopped at %d s with %d of %d logins done",
                    durationSeconds, storm.ok.get() + storm.failed.get(), logins));
        }
        return new RunResult(name(), context.target().kind(), f, chatLatency, warnings);
    }

    /** {@code concurrency} probes at a time; each finished one starts the next until the count or the time is up. */
    private final class Storm {
        final RunContext context;
        final List<DmClient.Account> accounts;
        final String password;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final Histogram latency = Latency.newHistogram();
        long deadline;

        Storm(RunContext context, List<DmClient.Account> accounts, String password) {
            this.context = context;
            this.accounts = accounts;
            this.password = password;
        }

        void run() throws InterruptedException {
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
            for (int i = 0; i < concurrency; i++) {
                next();
            }
            long giveUp = deadline + context.timeout().toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < giveUp) {
                Thread.sleep(5);
            }
        }

        private void next() {
            int n = started.getAndIncrement();
            if (n >= logins || System.nanoTime() > deadline) {
                return;
            }
            inFlight.incrementAndGet();
            String name = accounts.get(n % accounts.size()).name();
            LoginProbe probe = new LoginProbe(name, password, context.encrypted() ? SecureWire.client() : new PlainWire(),
                    (loggedIn, nanos, detail) -> {
                        if (loggedIn) {
                            ok.incrementAndGet();
                            synchronized (latency) {
                                latency.recordValue(Math.min(Latency.MAX_MICROS, nanos / 1000));
                            }
                        } else {
                            failed.incrementAndGet();
                            failures.add(name + ": " + detail);
                        }
                        // The next one is in flight before this one stops counting, so the count never dips to zero early.
                        next();
                        inFlight.decrementAndGet();
                    });
            Conn.open(context.generator().loop(n), context.dmconnect(), context.source(n), probe);
        }
    }
}
