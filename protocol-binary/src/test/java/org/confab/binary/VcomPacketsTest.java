package org.confab.binary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VcomPacketsTest {

    /** Each record holding an array, built from a given array; {@code accessor} reads it back. */
    static Stream<Arguments> arrayRecords() {
        return Stream.of(
                arrayRecord("ConnectionRequest", b -> new ConnectionRequest("u", 1, b),
                        p -> ((ConnectionRequest) p).password()),
                arrayRecord("Broadcast", Broadcast::new, p -> ((Broadcast) p).message()),
                arrayRecord("UnicastMessage", b -> new UnicastMessage("s", true, 1L, false, b),
                        p -> ((UnicastMessage) p).data()),
                arrayRecord("MulticastMessage", b -> new MulticastMessage("s", 2, true, 1L, false, b),
                        p -> ((MulticastMessage) p).data()),
                arrayRecord("SendUnicast", b -> new SendUnicast("r", 1L, true, b), p -> ((SendUnicast) p).data()),
                arrayRecord("SendMulticast", b -> new SendMulticast(2, 1L, true, b), p -> ((SendMulticast) p).data()),
                arrayRecord("FileChunk", b -> new FileChunk(3, b), p -> ((FileChunk) p).data()));
    }

    private static Arguments arrayRecord(
            String name, Function<byte[], VcomPacket> factory, Function<VcomPacket, byte[]> accessor) {
        return Arguments.of(name, factory, accessor);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrayRecords")
    void recordsWithArraysCompareByContent(
            String name, Function<byte[], VcomPacket> factory, Function<VcomPacket, byte[]> accessor) {
        VcomPacket a = factory.apply(new byte[] {1, 2, 3});
        VcomPacket b = factory.apply(new byte[] {1, 2, 3});
        VcomPacket c = factory.apply(new byte[] {1, 2, 4});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrayRecords")
    void recordsWithArraysCannotBeChangedThroughThem(
            String name, Function<byte[], VcomPacket> factory, Function<VcomPacket, byte[]> accessor) {
        byte[] given = {1, 2, 3};
        VcomPacket packet = factory.apply(given);

        given[0] = 9;
        accessor.apply(packet)[1] = 9;

        assertThat(accessor.apply(packet)).containsExactly(1, 2, 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrayRecords")
    void recordsWithArraysPrintOnlyTheLength(
            String name, Function<byte[], VcomPacket> factory, Function<VcomPacket, byte[]> accessor) {
        byte[] secret = "hunter2".getBytes(UTF_8);

        String printed = factory.apply(secret).toString();

        assertThat(printed).startsWith(name + "[").contains("<7 bytes>")
                .doesNotContain("hunter2").doesNotContain(Arrays.toString(secret)).doesNotContain("[B@");
    }

    @Test
    void aConnectionRequestPrintsItsUserAndDeviceButNeverThePassword() {
        String printed = new ConnectionRequest("alice", -1, "hunter2".getBytes(UTF_8)).toString();

        assertThat(printed).isEqualTo("ConnectionRequest[userId=alice, deviceId=-1, password=<7 bytes>]");
    }

    @Test
    void listsAreCopiedAndRejectNulls() {
        List<String> ids = new ArrayList<>(List.of("a"));
        FriendlistSync friends = new FriendlistSync(ids);
        ids.add("b");

        assertThat(friends.userIds()).containsExactly("a");
        assertThatThrownBy(() -> friends.userIds().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new BlocklistSync(Arrays.asList("a", null))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void onlyANewerClientListCarriesEntries() {
        assertThat(ListSync.clientNewer(List.of("a")).userIds()).containsExactly("a");
        assertThat(ListSync.IN_SYNC.userIds()).isEmpty();
        assertThatThrownBy(() -> new ListSync(ListSync.Flag.WANT_SERVER, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListSync(ListSync.Flag.IN_SYNC, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringFieldsRejectNull() {
        assertThatThrownBy(() -> new ConnectionRequest(null, 1, new byte[0])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SendUnicast("r", 1L, true, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FileTransferOffer("s", 1, null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new UserListsSync(ListSync.IN_SYNC, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void wireCodesAreTheSpecs() {
        assertThat(Stream.of(DenyCode.values()).map(DenyCode::code))
                .containsExactly((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4);
        assertThat(DenyCode.fromCode((byte) 1)).contains(DenyCode.IP_BLACKLISTED);
        assertThat(DenyCode.fromCode((byte) 5)).isEmpty();
        assertThat(new ConnectionDeny(DenyCode.NOT_WHITELISTED).code()).isEqualTo((byte) 2);

        assertThat(Stream.of(AbortReason.values()).map(AbortReason::code)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(AbortReason.fromCode(3)).contains(AbortReason.CONNECTION_DROPPED);
        assertThat(AbortReason.fromCode(-1)).isEmpty();
        assertThat(new FileTransferAbort(7, AbortReason.PROTOCOL_VIOLATION).reason()).isEqualTo(4);

        assertThat(ListSync.Flag.fromCode((byte) 2)).contains(ListSync.Flag.CLIENT_NEWER);
        assertThat(ListSync.Flag.fromCode((byte) 3)).isEmpty();
    }

    @Test
    void defaultLimitsAreTheSpecs() {
        assertThat(VcomLimits.defaults()).isEqualTo(new VcomLimits(4096, 65536, 10_000, 1024));
    }

    @Test
    void limitsMustBePositiveAndAChunkMustFitInData() {
        assertThatThrownBy(() -> new VcomLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VcomLimits(1, -1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VcomLimits(1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VcomLimits(1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VcomLimits(1, 8, 1, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
