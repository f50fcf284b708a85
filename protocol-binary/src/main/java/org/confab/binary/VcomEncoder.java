package org.confab.binary;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Turns packets into their exact vCom bytes, big-endian; the inverse of {@link VcomDecoder} and the
 * one place that holds every layout for writing. It checks no limits: the server builds its packets
 * from values it has already accepted. Stateless and thread-safe.
 */
public final class VcomEncoder {

    /** The number of bytes {@link #encode(VcomPacket, ByteBuffer)} will write for {@code packet}. */
    public int encodedSize(VcomPacket packet) {
        WireWriter counter = WireWriter.counting();
        write(Objects.requireNonNull(packet, "packet"), counter);
        return counter.size();
    }

    public byte[] encode(VcomPacket packet) {
        byte[] bytes = new byte[encodedSize(packet)];
        encode(packet, ByteBuffer.wrap(bytes));
        return bytes;
    }

    /**
     * Writes {@code packet} at {@code out}'s position, big-endian whatever {@code out}'s byte order,
     * and advances the position past it.
     *
     * @throws java.nio.BufferOverflowException when fewer than {@link #encodedSize} bytes remain;
     *     {@code out}'s position is then unchanged
     */
    public void encode(VcomPacket packet, ByteBuffer out) {
        Objects.requireNonNull(packet, "packet");
        // A duplicate writes big-endian and leaves out's position alone if the packet does not fit.
        ByteBuffer view = out.duplicate();
        write(packet, WireWriter.into(view));
        out.position(view.position());
    }

    private static void write(VcomPacket packet, WireWriter w) {
        w.int32(packet.id());
        if (packet instanceof ConnectionRequest p) {
            w.string(p.userId());
            w.int32(p.deviceId());
            w.bytes(p.password());
        } else if (packet instanceof ConnectionAccept p) {
            w.int32(p.deviceId());
        } else if (packet instanceof ConnectionDeny p) {
            w.int8(p.code());
        } else if (packet instanceof RequestUserListsSync p) {
            w.int64(p.friendlistTs());
            w.int64(p.blocklistTs());
        } else if (packet instanceof UserListsSync p) {
            listSync(p.friends(), w);
            listSync(p.blocked(), w);
        } else if (packet instanceof FriendlistSync p) {
            w.strings(p.userIds());
        } else if (packet instanceof BlocklistSync p) {
            w.strings(p.userIds());
        } else if (packet instanceof Broadcast p) {
            w.bytes(p.message());
        } else if (packet instanceof UnicastMessage p) {
            w.string(p.sender());
            w.bool(p.read());
            w.int64(p.sentAt());
            w.bool(p.isText());
            w.bytes(p.data());
        } else if (packet instanceof MulticastMessage p) {
            // The seed lists the sender twice; the spec reads that as a copy error: once, before the group.
            w.string(p.sender());
            w.int32(p.groupId());
            w.bool(p.read());
            w.int64(p.sentAt());
            w.bool(p.isText());
            w.bytes(p.data());
        } else if (packet instanceof SendUnicast p) {
            w.string(p.recipient());
            w.int64(p.sentAt());
            w.bool(p.isText());
            w.bytes(p.data());
        } else if (packet instanceof SendMulticast p) {
            w.int32(p.groupId());
            w.int64(p.sentAt());
            w.bool(p.isText());
            w.bytes(p.data());
        } else if (packet instanceof FileTransferRequest p) {
            w.string(p.recipient());
            w.int32(p.size());
            w.string(p.fileName());
        } else if (packet instanceof FileTransferId p) {
            w.int32(p.transferId());
        } else if (packet instanceof FileTransferAbort p) {
            w.int32(p.transferId());
            w.int32(p.reason());
        } else if (packet instanceof FileTransferOffer p) {
            w.string(p.sender());
            w.int32(p.size());
            w.string(p.fileName());
            w.int32(p.transferId());
        } else if (packet instanceof FileTransferAccept p) {
            w.int32(p.transferId());
        } else if (packet instanceof FileChunk p) {
            w.int32(p.transferId());
            w.bytes(p.data());
        } else if (packet instanceof FileTransferComplete p) {
            w.int32(p.transferId());
        } else {
            // Unreachable while VcomPacket is sealed; Java 17 cannot check this chain for exhaustiveness.
            throw new IllegalArgumentException("no layout for " + packet.getClass().getName());
        }
    }

    private static void listSync(ListSync sync, WireWriter w) {
        w.int8(sync.flag().code());
        if (sync.flag() == ListSync.Flag.CLIENT_NEWER) {
            w.strings(sync.userIds());
        }
    }
}
