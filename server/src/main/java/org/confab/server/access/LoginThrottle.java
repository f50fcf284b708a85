package org.confab.server.access;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed-login throttling, shared by every protocol: a failure counts against the address and
 * against the account; while either holds {@code maxFailures} failures within the window,
 * further attempts are refused without checking the password. Memory stays bounded: only
 * addresses and accounts with recent failures are kept, at most {@code maxFailures} times each.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    public boolean allows(InetAddress address, String accountKey) {
        return recent(ipKey(address)) < maxFailures && recent(accountKey(accountKey)) < maxFailures;
    }

    public void failed(InetAddress address, String accountKey) {
        record(ipKey(address));
        record(accountKey(accountKey));
    }

    /** Forgets entries with no failure inside the window; run periodically. */
    public void purge() {
        long cutoff = clock.millis() - windowMillis;
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Long last = e.getValue().peekLast();
                return last == null || last < cutoff;
            }
        });
    }

    int tracked() {
        return failures.size();
    }

    private int recent(String key) {
        ArrayDeque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            expire(times);
            return times.size();
        }
    }

    private void record(String key) {
        ArrayDeque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times);
            if (times.size() == maxFailures) {
                times.pollFirst();
            }
            times.addLast(clock.millis());
        }
    }

    private void expire(ArrayDeque<Long> times) {
        long cutoff = clock.millis() - windowMillis;
        while (!times.isEmpty() && times.peekFirst() < cutoff) {
            times.pollFirst();
        }
    }

    private static String ipKey(InetAddress address) {
        return "ip:" + address.getHostAddress();
    }

    private static String accountKey(String key) {
        return "account:" + key;
    }
}
