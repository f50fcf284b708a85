package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.SendUnicast;
import org.confab.binary.VcomDecoder;
import org.confab.binary.VcomEncoder;
import org.confab.binary.VcomLimits;
import org.confab.binary.VcomPacket;
import org.junit.jupiter.api.Test;

/** The vCom connection's decoder and pump, without a socket. */
class VcomInboundTest {

    private static final VcomEncoder ENCODER = new VcomEncoder();
    private static final List<VcomPacket> PACKETS = List.of(
            new SendUnicast("bob", 1, true, new byte[] {'h', 'i'}),
            new FileChunk(7, new byte[1000]),
            new FileTransferComplete(7));

    /** Records what the inbound hands over; each packet's handling is what {@code handling} returns. */
    private static final class Recorder implements VcomInbound.Consumer {
        final List<VcomPacket> packets = new ArrayList<>();
        final List<Long> offsets = new ArrayList<>();
        final List<Boolean> pauses = new ArrayList<>();
        String broken;
        int brokenId;
        Function<VcomPacket, CompletionStage<?>> handling = p -> null;

        @Override
        public CompletionStage<?> packet(VcomPacket packet, long offset) {
            packets.add(packet);
            offsets.add(offset);
            return handling.apply(packet);
        }

        @Override
        public void broken(int packetId, String reason) {
            brokenId = packetId;
            broken = reason;
        }

        @Override
        public void readable(boolean paused) {
            pauses.add(paused);
        }
    }

    private final Recorder recorder = new Recorder();
    private final VcomInbound inbound = new VcomInbound(VcomDecoder.clientToServer(VcomLimits.defaults()), 4096, recorder);

    private static byte[] wire(List<VcomPacket> packets) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        packets.forEach(p -> all.writeBytes(ENCODER.encode(p)));
        return all.toByteArray();
    }

    @Test
    void packetsArrivingOneByteAtATimeComeOutWholeWithTheirOffsets() {
        byte[] bytes = wire(PACKETS);
        for (byte b : bytes) {
            inbound.received(ByteBuffer.wrap(new byte[] {b}));
        }
        assertThat(recorder.packets).isEqualTo(PACKETS);
        int first = ENCODER.encode(PACKETS.get(0)).length;
        int second = ENCODER.encode(PACKETS.get(1)).length;
        assertThat(recorder.offsets).containsExactly(0L, (long) first, (long) first + second);
        assertThat(inbound.received()).isEqualTo(bytes.length);
        assertThat(recorder.pauses).isEmpty();
    }

    @Test
    void aHoldStopsBetweenTwoPacketsOfOneReadUntilReleased() {
        Object cause = new Object();
        recorder.handling = p -> {
            if (p instanceof SendUnicast) {
                inbound.hold(cause);
            }
            return null;
        };
        inbound.received(ByteBuffer.wrap(wire(PACKETS)));
        assertThat(recorder.packets).containsExactly(PACKETS.get(0));
        assertThat(recorder.pauses).containsExactly(true);
        assertThat(inbound.held()).isTrue();

        inbound.release(cause);
        assertThat(recorder.packets).isEqualTo(PACKETS);
        assertThat(recorder.pauses).containsExactly(true, false);
    }

    @Test
    void thePacketAfterAPendingOneWaitsForItsStage() {
        CompletableFuture<Void> pending = new CompletableFuture<>();
        recorder.handling = p -> p instanceof SendUnicast ? pending : null;
        inbound.received(ByteBuffer.wrap(wire(PACKETS)));
        assertThat(recorder.packets).hasSize(1);
        assertThat(recorder.pauses).containsExactly(true);

        pending.complete(null);
        assertThat(recorder.packets).isEqualTo(PACKETS);
        assertThat(recorder.pauses).containsExactly(true, false);
    }

    @Test
    void moreThanTheLimitWithoutAWholePacketBreaksTheStream() {
        byte[] chunk = ENCODER.encode(new FileChunk(1, new byte[5000]));
        inbound.received(ByteBuffer.wrap(chunk, 0, 4000));
        assertThat(recorder.broken).isNull();
        inbound.received(ByteBuffer.wrap(chunk, 4000, 200));
        assertThat(recorder.brokenId).isEqualTo(FileChunk.ID);
        assertThat(recorder.broken).contains("4096");
        inbound.received(ByteBuffer.wrap(wire(PACKETS)));
        assertThat(recorder.packets).isEmpty();
    }

    @Test
    void aProtocolErrorBreaksTheStreamAfterTheGoodPacketsBeforeIt() {
        ByteBuffer bytes = ByteBuffer.allocate(100);
        bytes.put(wire(List.of(PACKETS.get(2)))).putInt(4242).putInt(0);
        inbound.received(bytes.flip());
        assertThat(recorder.packets).containsExactly(PACKETS.get(2));
        assertThat(recorder.brokenId).isEqualTo(4242);
        assertThat(recorder.broken).contains("UNKNOWN_PACKET");
        assertThat(recorder.pauses).containsExactly(true);
    }
}
