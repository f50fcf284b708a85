package org.confab.server.limits;

/**
 * A token bucket for one session's messages: {@code perSecond} sustained, bursts up to
 * {@code burst}. Not thread-safe; a session's messages are handled one at a time.
 */
public final class RateLimiter {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    /** {@code perSecond} 0 means unlimited. */
    public static RateLimiter of(int perSecond, int burst, long nowNanos) {
        return new RateLimiter(perSecond, Math.max(burst, 1), nowNanos);
    }

    private RateLimiter(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    public boolean tryAcquire(long nowNanos) {
        if (perNano == 0) {
            return true;
        }
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
