package org.confab.binary;

import java.util.Optional;

/** Reasons carried by {@link FileTransferAbort}; the seed defines none, these are Confab's. */
public enum AbortReason {
    /** Also sent when the sender is on the recipient's blocklist, so that a block is never revealed. */
    RECIPIENT_UNAVAILABLE(0),
    DECLINED(1),
    SIZE_OVER_LIMIT(2),
    CONNECTION_DROPPED(3),
    /** Chunk over the chunk limit, more bytes than declared, chunk before accept, or unknown id. */
    PROTOCOL_VIOLATION(4),
    TOO_MANY_TRANSFERS(5);

    private final int code;

    AbortReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Empty for reasons a client may send that the spec does not define. */
    public static Optional<AbortReason> fromCode(int code) {
        for (AbortReason r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
