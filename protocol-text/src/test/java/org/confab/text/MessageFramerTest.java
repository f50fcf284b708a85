package org.confab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageFramerTest {

    private final MessageFramer framer = new MessageFramer(32_768);

    private List<Inbound> feed(String text) {
        return framer.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Inbound msg(String text) {
        return new Inbound.Message(text);
    }

    @Test
    void messageWithoutNewlineEndsAtQuietFlush() {
        assertThat(feed("/login alice secret")).isEmpty();
        assertThat(framer.awaitsFlush()).isTrue();
        assertThat(framer.flush()).containsExactly(msg("/login alice secret"));
        assertThat(framer.awaitsFlush()).isFalse();
        assertThat(framer.flush()).isEmpty();
    }

    @Test
    void crlfLineIsOneTrimmedMessage() {
        assertThat(feed("/login alice secret\r\n")).containsExactly(msg("/login alice secret"));
        assertThat(framer.awaitsFlush()).isFalse();
    }

    @Test
    void severalLinesInOneRead() {
        assertThat(feed("a\nb\r\n  c  \n")).containsExactly(msg("a"), msg("b"), msg("c"));
    }

    @Test
    void fragmentsBeforeQuietFlushJoin() {
        assertThat(feed("/regi")).isEmpty();
        assertThat(feed("ster bob pw")).isEmpty();
        assertThat(framer.flush()).containsExactly(msg("/register bob pw"));
    }

    @Test
    void afterFirstNewlineFragmentsWaitForTheirNewlineAcrossQuietPeriods() {
        feed("/help\n");
        assertThat(feed("/login al")).isEmpty();
        assertThat(framer.awaitsFlush()).isFalse();
        assertThat(framer.flush()).isEmpty();
        assertThat(feed("ice pw\r\n")).containsExactly(msg("/login alice pw"));
    }

    @Test
    void oneByteAtATime() {
        byte[] bytes = "héllo wörld\n".getBytes(StandardCharsets.UTF_8);
        List<Inbound> out = new ArrayList<>();
        for (byte b : bytes) {
            out.addAll(framer.feed(ByteBuffer.wrap(new byte[] {b})));
        }
        assertThat(out).containsExactly(msg("héllo wörld"));
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() {
        List<Inbound> out = framer.feed(ByteBuffer.wrap(new byte[] {'h', 'i', (byte) 0xff, (byte) 0xc3, '\n'}));
        assertThat(out).containsExactly(msg("hi\uFFFD\uFFFD"));
    }

    @Test
    void messageOfExactlyTheLimitPasses() {
        MessageFramer small = new MessageFramer(8);
        assertThat(small.feed(ByteBuffer.wrap("12345678\n".getBytes()))).containsExactly(msg("12345678"));
    }

    @Test
    void oversizedLineIsReportedOnceAndSkippedToItsNewline() {
        MessageFramer small = new MessageFramer(8);
        assertThat(small.feed(ByteBuffer.wrap("123456789".getBytes()))).containsExactly(new Inbound.Oversized(8));
        assertThat(small.feed(ByteBuffer.wrap("more more more".getBytes()))).isEmpty();
        assertThat(small.feed(ByteBuffer.wrap("tail\nnext\n".getBytes()))).containsExactly(msg("next"));
    }

    @Test
    void oversizedWriteWithoutNewlineIsSkippedUntilQuiet() {
        MessageFramer small = new MessageFramer(8);
        assertThat(small.feed(ByteBuffer.wrap(new byte[100]))).containsExactly(new Inbound.Oversized(8));
        assertThat(small.awaitsFlush()).isTrue();
        assertThat(small.flush()).isEmpty();
        assertThat(small.feed(ByteBuffer.wrap("ok".getBytes()))).isEmpty();
        assertThat(small.flush()).containsExactly(msg("ok"));
    }

    @Test
    void hundredKilobytesWithoutNewlineNeverBuffersMoreThanTheLimit() {
        MessageFramer small = new MessageFramer(32_768);
        List<Inbound> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.addAll(small.feed(ByteBuffer.wrap(new byte[1024])));
        }
        assertThat(out).containsExactly(new Inbound.Oversized(32_768));
    }

    @Test
    void blankLinesAreEmptyMessages() {
        assertThat(feed("\r\n   \n")).containsExactly(msg(""), msg(""));
    }
}
