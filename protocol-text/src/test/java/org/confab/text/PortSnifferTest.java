package org.confab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.confab.text.PortSniffer.Traffic;
import org.junit.jupiter.api.Test;

class PortSnifferTest {

    private static Traffic classify(String s) {
        return PortSniffer.classify(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void federationStartsWithABrace() {
        assertThat(classify("{\"type\":\"s2s_ping\"}\n")).isEqualTo(Traffic.FEDERATION);
    }

    @Test
    void httpMethods() {
        assertThat(classify("GET /file/x/y HTTP/1.1\r\n")).isEqualTo(Traffic.HTTP);
        assertThat(classify("POST /upload HTTP/1.1\r\n")).isEqualTo(Traffic.HTTP);
    }

    @Test
    void aPrefixOfAMethodWaitsForMore() {
        assertThat(classify("PO")).isEqualTo(Traffic.UNDECIDED);
        assertThat(classify("")).isEqualTo(Traffic.UNDECIDED);
    }

    @Test
    void everythingElseIsChat() {
        assertThat(classify("/login a b")).isEqualTo(Traffic.CHAT);
        assertThat(classify("/")).isEqualTo(Traffic.CHAT);
        assertThat(classify("GETTING")).isEqualTo(Traffic.CHAT);
        assertThat(classify("hello")).isEqualTo(Traffic.CHAT);
    }

    @Test
    void classifyDoesNotConsume() {
        ByteBuffer buf = ByteBuffer.wrap("GET / HTTP/1.1".getBytes(StandardCharsets.US_ASCII));
        PortSniffer.classify(buf);
        assertThat(buf.position()).isZero();
    }
}
