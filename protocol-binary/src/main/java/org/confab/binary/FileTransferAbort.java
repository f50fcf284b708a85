package org.confab.binary;

/**
 * 270, both directions: the transfer ends unsuccessfully. See {@link AbortReason}; the reason
 * stays an int so that values the spec does not define survive a round trip.
 */
public record FileTransferAbort(int transferId, int reason) implements VcomPacket {

    public static final int ID = 270;

    public FileTransferAbort(int transferId, AbortReason reason) {
        this(transferId, reason.code());
    }

    @Override
    public int id() {
        return ID;
    }
}
