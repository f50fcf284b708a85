package org.confab.binary;

import java.util.Arrays;
import java.util.Objects;

/**
 * 256, C->S: the first packet of a connection. A {@code deviceId} of -1 asks the server for a new one.
 * The array is copied in and out so that the record stays immutable; {@link #toString()} shows
 * only the password's length, because packets end up in log lines.
 */
public record ConnectionRequest(String userId, int deviceId, byte[] password) implements VcomPacket {

    public static final int ID = 256;

    public ConnectionRequest {
        Objects.requireNonNull(userId, "userId");
        password = password.clone();
    }

    @Override
    public byte[] password() {
        return password.clone();
    }

    @Override
    public int id() {
        return ID;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionRequest other
                && userId.equals(other.userId)
                && deviceId == other.deviceId
                && Arrays.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, deviceId, Arrays.hashCode(password));
    }

    @Override
    public String toString() {
        return "ConnectionRequest[userId=" + userId + ", deviceId=" + deviceId
                + ", password=<" + password.length + " bytes>]";
    }
}
