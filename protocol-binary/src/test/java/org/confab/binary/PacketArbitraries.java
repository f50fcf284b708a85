package org.confab.binary;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for valid packets of every type, within the default limits. */
final class PacketArbitraries {

    private PacketArbitraries() {
    }

    static Arbitrary<VcomPacket> packets() {
        Arbitrary<Integer> ints = Arbitraries.integers();
        Arbitrary<Long> longs = Arbitraries.longs();
        Arbitrary<Boolean> bools = Arbitraries.of(true, false);
        List<Arbitrary<? extends VcomPacket>> each = List.of(
                Combinators.combine(strings(), ints, bytes(64)).as(ConnectionRequest::new),
                ints.map(ConnectionAccept::new),
                Arbitraries.bytes().map(code -> new ConnectionDeny(code)),
                Combinators.combine(longs, longs).as(RequestUserListsSync::new),
                Combinators.combine(listSyncs(), listSyncs()).as(UserListsSync::new),
                lists().map(FriendlistSync::new),
                lists().map(BlocklistSync::new),
                bytes(64).map(Broadcast::new),
                Combinators.combine(strings(), bools, longs, bools, bytes(64)).as(UnicastMessage::new),
                Combinators.combine(strings(), ints, bools, longs, bools, bytes(64)).as(MulticastMessage::new),
                Combinators.combine(strings(), longs, bools, bytes(64)).as(SendUnicast::new),
                Combinators.combine(ints, longs, bools, bytes(64)).as(SendMulticast::new),
                Combinators.combine(strings(), ints, strings()).as(FileTransferRequest::new),
                ints.map(FileTransferId::new),
                Combinators.combine(ints, ints).as((id, reason) -> new FileTransferAbort(id, reason)),
                Combinators.combine(strings(), ints, strings(), ints).as(FileTransferOffer::new),
                ints.map(FileTransferAccept::new),
                // Up to twice the chunk limit: oversized chunks are the server's business, not the codec's.
                Combinators.combine(ints, bytes(2048)).as(FileChunk::new),
                ints.map(FileTransferComplete::new));
        return Arbitraries.oneOf(each);
    }

    /** Any text UTF-8 can carry: a lone surrogate cannot survive encoding, so it is normalised as the encoder would. */
    static Arbitrary<String> strings() {
        return Arbitraries.strings().ofMaxLength(16).map(s -> new String(s.getBytes(UTF_8), UTF_8));
    }

    private static Arbitrary<byte[]> bytes(int maxSize) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
    }

    private static Arbitrary<List<String>> lists() {
        return strings().list().ofMaxSize(6);
    }

    private static Arbitrary<ListSync> listSyncs() {
        return Arbitraries.oneOf(
                Arbitraries.just(ListSync.IN_SYNC), Arbitraries.just(ListSync.WANT_SERVER),
                lists().map(ListSync::clientNewer));
    }
}
