package org.confab.binary;

import java.util.Optional;

/** Codes carried by {@link ConnectionDeny}; 3 and 4 are Confab's own extensions. */
public enum DenyCode {
    USER_BLACKLISTED(0),
    IP_BLACKLISTED(1),
    NOT_WHITELISTED(2),
    AUTH_FAILED(3),
    MALFORMED(4);

    private final byte code;

    DenyCode(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** Empty for codes a newer or foreign server may send that this one does not know. */
    public static Optional<DenyCode> fromCode(byte code) {
        for (DenyCode c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
