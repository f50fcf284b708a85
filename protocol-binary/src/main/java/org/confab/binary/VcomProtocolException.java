package org.confab.binary;

/**
 * The peer broke the vCom wire format; the connection it came from must be closed.
 *
 * <p>{@link #packetId()} is the identifier of the offending packet, so that the server can
 * answer a malformed {@link ConnectionRequest} with {@link DenyCode#MALFORMED} before closing.
 */
public final class VcomProtocolException extends RuntimeException {

    public enum Reason {
        UNKNOWN_PACKET,
        WRONG_DIRECTION,
        NEGATIVE_LENGTH,
        LENGTH_OVER_LIMIT,
        NEGATIVE_COUNT,
        COUNT_OVER_LIMIT,
        INVALID_SYNC_FLAG
    }

    private final Reason reason;
    private final int packetId;

    VcomProtocolException(Reason reason, int packetId, String detail) {
        super(reason + " in packet " + packetId + ": " + detail);
        this.reason = reason;
        this.packetId = packetId;
    }

    public Reason reason() {
        return reason;
    }

    public int packetId() {
        return packetId;
    }
}
