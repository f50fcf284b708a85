package org.confab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MessageFramerProperties {

    @Property(tries = 500)
    void arbitraryBytesInArbitraryChunksNeverExceedTheLimit(
            @ForAll @Size(max = 3000) byte[] input, @ForAll @IntRange(min = 1, max = 200) int chunk) {
        MessageFramer framer = new MessageFramer(256);
        List<Inbound> out = new ArrayList<>();
        for (int i = 0; i < input.length; i += chunk) {
            out.addAll(framer.feed(ByteBuffer.wrap(input, i, Math.min(chunk, input.length - i))));
        }
        out.addAll(framer.flush());
        for (Inbound inbound : out) {
            if (inbound instanceof Inbound.Message m) {
                assertThat(m.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(256 * 3);
                assertThat(m.text()).doesNotContain("\n");
            }
        }
    }

    @Property(tries = 300)
    void newlineTerminatedLinesSurviveAnySplit(
            @ForAll @Size(max = 20) List<@net.jqwik.api.constraints.AlphaChars @Size(max = 40) String> lines,
            @ForAll @IntRange(min = 1, max = 17) int chunk) {
        StringBuilder wire = new StringBuilder();
        lines.forEach(l -> wire.append(l).append("\r\n"));
        byte[] bytes = wire.toString().getBytes(StandardCharsets.UTF_8);
        MessageFramer framer = new MessageFramer(256);
        List<Inbound> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            out.addAll(framer.feed(ByteBuffer.wrap(bytes, i, Math.min(chunk, bytes.length - i))));
        }
        assertThat(out).containsExactlyElementsOf(lines.stream().map(l -> (Inbound) new Inbound.Message(l)).toList());
    }
}
