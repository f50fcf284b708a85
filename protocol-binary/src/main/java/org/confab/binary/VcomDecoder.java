package org.confab.binary;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Set;
import org.confab.binary.VcomProtocolException.Reason;

/**
 * Turns the bytes of one connection, travelling in one direction, into packets. vCom has no frame
 * length, so each packet's layout tells where it ends; this class holds every layout for reading.
 *
 * <p>Not thread-safe, and bound to one byte stream: after {@code null} it remembers how many bytes
 * the packet at the front needs at least, and expects to be called again with the same unconsumed
 * bytes followed by whatever has arrived since.
 */
public final class VcomDecoder {

    /** The packet ids a client may send: every request a server must handle. */
    public static final Set<Integer> CLIENT_TO_SERVER = Set.of(
            ConnectionRequest.ID, UserListsSync.ID, SendUnicast.ID, SendMulticast.ID, FileTransferRequest.ID,
            FileTransferAbort.ID, FileTransferAccept.ID, FileChunk.ID, FileTransferComplete.ID);

    private static final Set<Integer> SERVER_TO_CLIENT = Set.of(
            ConnectionAccept.ID, ConnectionDeny.ID, RequestUserListsSync.ID, FriendlistSync.ID,
            BlocklistSync.ID, Broadcast.ID, UnicastMessage.ID, MulticastMessage.ID, FileTransferId.ID,
            FileTransferAbort.ID, FileTransferOffer.ID, FileTransferAccept.ID, FileChunk.ID,
            FileTransferComplete.ID);

    private final VcomLimits limits;
    private final Set<Integer> accepted;
    /** Spares rescanning a large packet from its start on every small read while it trickles in. */
    private long needed;

    private VcomDecoder(VcomLimits limits, Set<Integer> accepted) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.accepted = accepted;
    }

    /** For the server: accepts only the packets a client may send. */
    public static VcomDecoder clientToServer(VcomLimits limits) {
        return new VcomDecoder(limits, CLIENT_TO_SERVER);
    }

    /** For a client (and tests): accepts only the packets a server may send. */
    public static VcomDecoder serverToClient(VcomLimits limits) {
        return new VcomDecoder(limits, SERVER_TO_CLIENT);
    }

    /**
     * Decodes the packet starting at {@code in}'s position, reading big-endian whatever {@code in}'s
     * byte order.
     *
     * @return the packet, with {@code in} advanced past exactly its bytes; or {@code null} when it has
     *     not fully arrived, with {@code in} untouched
     * @throws VcomProtocolException when the bytes present already break the format ({@code in} untouched)
     */
    public VcomPacket decode(ByteBuffer in) {
        if (in.remaining() < needed) {
            return null;
        }
        // Duplicates read big-endian and keep in's position until a whole packet is there.
        WireReader scan = WireReader.scanning(in.duplicate(), limits);
        try {
            // Built from empty placeholders and discarded: the scan only proves the packet complete.
            read(scan);
        } catch (WireReader.Incomplete e) {
            needed = scan.needed();
            return null;
        }
        WireReader build = WireReader.building(in.duplicate(), limits);
        VcomPacket packet = read(build);
        in.position(build.position());
        needed = 0;
        return packet;
    }

    private VcomPacket read(WireReader r) {
        int id = r.packetId();
        if (!accepted.contains(id)) {
            boolean known = CLIENT_TO_SERVER.contains(id) || SERVER_TO_CLIENT.contains(id);
            throw r.error(known ? Reason.WRONG_DIRECTION : Reason.UNKNOWN_PACKET, "packet id " + id);
        }
        // Java evaluates arguments left to right, so each line reads the fields in wire order.
        return switch (id) {
            case ConnectionRequest.ID -> new ConnectionRequest(r.string(), r.int32(), r.bytes(limits.maxStringBytes()));
            case ConnectionAccept.ID -> new ConnectionAccept(r.int32());
            case ConnectionDeny.ID -> new ConnectionDeny(r.int8());
            case RequestUserListsSync.ID -> new RequestUserListsSync(r.int64(), r.int64());
            case UserListsSync.ID -> new UserListsSync(listSync(r), listSync(r));
            case FriendlistSync.ID -> new FriendlistSync(r.strings());
            case BlocklistSync.ID -> new BlocklistSync(r.strings());
            case Broadcast.ID -> new Broadcast(r.bytes(limits.maxDataBytes()));
            case UnicastMessage.ID -> new UnicastMessage(
                    r.string(), r.bool(), r.int64(), r.bool(), r.bytes(limits.maxDataBytes()));
            case MulticastMessage.ID -> new MulticastMessage(
                    r.string(), r.int32(), r.bool(), r.int64(), r.bool(), r.bytes(limits.maxDataBytes()));
            case SendUnicast.ID -> new SendUnicast(r.string(), r.int64(), r.bool(), r.bytes(limits.maxDataBytes()));
            case SendMulticast.ID -> new SendMulticast(r.int32(), r.int64(), r.bool(), r.bytes(limits.maxDataBytes()));
            case FileTransferRequest.ID -> new FileTransferRequest(r.string(), r.int32(), r.string());
            case FileTransferId.ID -> new FileTransferId(r.int32());
            case FileTransferAbort.ID -> new FileTransferAbort(r.int32(), r.int32());
            case FileTransferOffer.ID -> new FileTransferOffer(r.string(), r.int32(), r.string(), r.int32());
            case FileTransferAccept.ID -> new FileTransferAccept(r.int32());
            // Up to the data limit, not the chunk limit: an oversized chunk aborts its transfer, not the connection.
            case FileChunk.ID -> new FileChunk(r.int32(), r.bytes(limits.maxDataBytes()));
            case FileTransferComplete.ID -> new FileTransferComplete(r.int32());
            default -> throw new IllegalStateException("no layout for packet id " + id);
        };
    }

    private static ListSync listSync(WireReader r) {
        byte code = r.int8();
        ListSync.Flag flag = ListSync.Flag.fromCode(code)
                .orElseThrow(() -> r.error(Reason.INVALID_SYNC_FLAG, "list sync flag " + code));
        return switch (flag) {
            case IN_SYNC -> ListSync.IN_SYNC;
            case WANT_SERVER -> ListSync.WANT_SERVER;
            case CLIENT_NEWER -> ListSync.clientNewer(r.strings());
        };
    }
}
