package org.confab.bench.dm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {

    private final long[] out = new long[2];

    private boolean parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return Payload.parse(ByteBuffer.wrap(bytes), 0, bytes.length, out);
    }

    @Test
    void readsTheIdAndTimestampOfARelayedRoomLine() {
        assertThat(parse("bx1u7: " + Payload.text(4711, 123456789))).isTrue();
        assertThat(out).containsExactly(4711, 123456789);
    }

    @Test
    void readsRawVcomDataAndNegativeTimestamps() {
        assertThat(parse(Payload.text(3, -42))).isTrue();
        assertThat(out).containsExactly(3, -42);
    }

    @Test
    void ignoresLinesWithoutAPayload() {
        assertThat(parse("*** bx1u7 has joined the server.")).isFalse();
        assertThat(parse("alice: hello ~ there")).isFalse();
        assertThat(parse("alice: ~12")).isFalse();
        assertThat(parse("alice: ~12 ")).isFalse();
        assertThat(parse("alice: ~x 5")).isFalse();
        assertThat(parse("alice:~12 5")).isFalse();
    }

    @Test
    void readsWithinTheGivenRangeOfALargerBuffer() {
        byte[] bytes = ("junk\nbob: " + Payload.text(9, 8) + "\nmore").getBytes(StandardCharsets.US_ASCII);
        int from = 5;
        int to = bytes.length - 5;
        assertThat(Payload.parse(ByteBuffer.wrap(bytes), from, to, out)).isTrue();
        assertThat(out).containsExactly(9, 8);
    }
}
