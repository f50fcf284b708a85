package org.confab.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final class ManualClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock);
    private final InetAddress a = InetAddress.getLoopbackAddress();
    private final InetAddress b;

    LoginThrottleTest() throws Exception {
        b = InetAddress.getByAddress(new byte[] {10, 0, 0, 2});
    }

    @Test
    void blocksTheAddressAfterMaxFailuresWithinTheWindow() {
        throttle.failed(a, "x");
        throttle.failed(a, "y");
        assertThat(throttle.allows(a, "z")).isTrue();
        throttle.failed(a, "z");
        assertThat(throttle.allows(a, "fresh")).isFalse();
        assertThat(throttle.allows(b, "fresh")).isTrue();
    }

    @Test
    void blocksTheAccountFromEveryAddress() {
        throttle.failed(a, "victim");
        throttle.failed(b, "victim");
        throttle.failed(a, "victim");
        assertThat(throttle.allows(b, "victim")).isFalse();
        assertThat(throttle.allows(b, "other")).isTrue();
    }

    @Test
    void failuresExpireAfterTheWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(a, "x");
        }
        assertThat(throttle.allows(a, "x")).isFalse();
        clock.millis += 60_001;
        assertThat(throttle.allows(a, "x")).isTrue();
    }

    @Test
    void purgeForgetsStaleEntriesSoMemoryStaysBounded() {
        for (int i = 0; i < 100; i++) {
            throttle.failed(a, "user" + i);
        }
        assertThat(throttle.tracked()).isEqualTo(101);
        clock.millis += 60_001;
        throttle.purge();
        assertThat(throttle.tracked()).isZero();
    }
}
