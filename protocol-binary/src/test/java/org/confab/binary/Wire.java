package org.confab.binary;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Test fixtures: one hand-written byte image per packet, and the spec's direction table. */
final class Wire {

    enum Direction { CLIENT_TO_SERVER, SERVER_TO_CLIENT }

    /** Copied from the spec's packet table, independently of the decoder's own sets. */
    static final Set<Integer> CLIENT_TO_SERVER_IDS = Set.of(256, 260, 266, 267, 268, 270, 272, 273, 274);
    static final Set<Integer> SERVER_TO_CLIENT_IDS =
            Set.of(257, 258, 259, 261, 262, 263, 264, 265, 269, 270, 271, 272, 273, 274);

    record Sample(String name, VcomPacket packet, String hex) {
        byte[] bytes() {
            return Wire.bytes(hex);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Canonical encodings: encoding the packet gives exactly these bytes, and decoding them gives the packet. */
    static final List<Sample> SAMPLES = List.of(
            new Sample("256 ConnectionRequest", new ConnectionRequest("alice", -1, "pw".getBytes(UTF_8)),
                    "00000100 00000005 616c696365 ffffffff 00000002 7077"),
            new Sample("256 ConnectionRequest, empty password", new ConnectionRequest("", 7, new byte[0]),
                    "00000100 00000000 00000007 00000000"),
            new Sample("257 ConnectionAccept", new ConnectionAccept(42), "00000101 0000002a"),
            new Sample("258 ConnectionDeny", new ConnectionDeny(DenyCode.AUTH_FAILED), "00000102 03"),
            new Sample("259 RequestUserListsSync", new RequestUserListsSync(1_700_000_000_000L, 0L),
                    "00000103 0000018bcfe56800 0000000000000000"),
            new Sample("260 UserListsSync, client newer + want server",
                    new UserListsSync(ListSync.clientNewer(List.of("bob", "zoë")), ListSync.WANT_SERVER),
                    "00000104 02 00000002 00000003 626f62 00000004 7a6fc3ab 01"),
            new Sample("260 UserListsSync, both in sync", new UserListsSync(ListSync.IN_SYNC, ListSync.IN_SYNC),
                    "00000104 00 00"),
            new Sample("260 UserListsSync, want server + empty newer list",
                    new UserListsSync(ListSync.WANT_SERVER, ListSync.clientNewer(List.of())),
                    "00000104 01 02 00000000"),
            new Sample("261 FriendlistSync", new FriendlistSync(List.of("a", "bc")),
                    "00000105 00000002 00000001 61 00000002 6263"),
            new Sample("261 FriendlistSync, empty", new FriendlistSync(List.of()), "00000105 00000000"),
            new Sample("262 BlocklistSync", new BlocklistSync(List.of("x")), "00000106 00000001 00000001 78"),
            new Sample("263 Broadcast", new Broadcast("hi".getBytes(UTF_8)), "00000107 00000002 6869"),
            new Sample("264 UnicastMessage", new UnicastMessage("bob", true, 1L, true, new byte[] {1, 2, 3}),
                    "00000108 00000003 626f62 01 0000000000000001 01 00000003 010203"),
            new Sample("265 MulticastMessage, sender once before group",
                    new MulticastMessage("bob", 7, false, 2L, false, new byte[] {(byte) 0xff}),
                    "00000109 00000003 626f62 00000007 00 0000000000000002 00 00000001 ff"),
            new Sample("266 SendUnicast", new SendUnicast("al", -1L, true, "ok".getBytes(UTF_8)),
                    "0000010a 00000002 616c ffffffffffffffff 01 00000002 6f6b"),
            new Sample("267 SendMulticast", new SendMulticast(7, 3L, false, new byte[0]),
                    "0000010b 00000007 0000000000000003 00 00000000"),
            new Sample("268 FileTransferRequest", new FileTransferRequest("bob", 1000, "a.txt"),
                    "0000010c 00000003 626f62 000003e8 00000005 612e747874"),
            new Sample("269 FileTransferId", new FileTransferId(9), "0000010d 00000009"),
            new Sample("270 FileTransferAbort", new FileTransferAbort(9, AbortReason.DECLINED),
                    "0000010e 00000009 00000001"),
            new Sample("271 FileTransferOffer", new FileTransferOffer("al", 1000, "a.txt", 9),
                    "0000010f 00000002 616c 000003e8 00000005 612e747874 00000009"),
            new Sample("272 FileTransferAccept", new FileTransferAccept(9), "00000110 00000009"),
            new Sample("273 FileChunk", new FileChunk(9, bytes("deadbeef")),
                    "00000111 00000009 00000004 deadbeef"),
            new Sample("274 FileTransferComplete", new FileTransferComplete(9), "00000112 00000009"));

    private Wire() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static Set<Direction> directionsOf(int id) {
        boolean c2s = CLIENT_TO_SERVER_IDS.contains(id);
        boolean s2c = SERVER_TO_CLIENT_IDS.contains(id);
        if (c2s && s2c) {
            return Set.of(Direction.CLIENT_TO_SERVER, Direction.SERVER_TO_CLIENT);
        }
        return c2s ? Set.of(Direction.CLIENT_TO_SERVER) : Set.of(Direction.SERVER_TO_CLIENT);
    }

    static VcomDecoder decoder(Direction direction, VcomLimits limits) {
        return direction == Direction.CLIENT_TO_SERVER
                ? VcomDecoder.clientToServer(limits)
                : VcomDecoder.serverToClient(limits);
    }

    static VcomDecoder decoder(Direction direction) {
        return decoder(direction, VcomLimits.defaults());
    }
}
