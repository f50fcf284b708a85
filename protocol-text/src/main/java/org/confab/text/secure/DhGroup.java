package org.confab.text.secure;

import java.math.BigInteger;
import java.util.Arrays;

/** RFC 2409 Oakley group 1: the 768-bit MODP prime with generator 2, as DMCD and its clients use. */
public final class DhGroup {

    public static final BigInteger P = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
                    + "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                    + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
                    + "E485B576625E7EC6F44C42E9A63A3620FFFFFFFFFFFFFFFF", 16);

    public static final BigInteger G = BigInteger.TWO;

    /** Bytes of P; a public value or shared secret never needs more. */
    public static final int BYTES = 96;

    private static final BigInteger P_MINUS_ONE = P.subtract(BigInteger.ONE);

    private DhGroup() {
    }

    /**
     * Rejects 0, 1, p-1 and anything outside the group: those force the shared secret into a
     * subgroup of at most two elements. DMCD does not check; a peer sending such a value is
     * either broken or hostile.
     */
    static BigInteger requireValidPublicValue(BigInteger value) {
        if (value.compareTo(BigInteger.ONE) <= 0 || value.compareTo(P_MINUS_ONE) >= 0) {
            throw new SecureChannelException("peer DH value out of range");
        }
        return value;
    }

    /** Unsigned big-endian bytes without leading zeros, the form used on the wire and for S. */
    static byte[] toMinimalBytes(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = 0;
        while (start < bytes.length - 1 && bytes[start] == 0) {
            start++;
        }
        return Arrays.copyOfRange(bytes, start, bytes.length);
    }
}
