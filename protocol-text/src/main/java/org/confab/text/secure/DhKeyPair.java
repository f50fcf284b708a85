package org.confab.text.secure;

import java.math.BigInteger;
import java.security.SecureRandom;

/** One side's ephemeral Diffie-Hellman key in {@link DhGroup}. */
public final class DhKeyPair {

    /** As DMCD (getrandbits(256)); far beyond what the 768-bit group itself offers. */
    static final int PRIVATE_EXPONENT_BITS = 256;

    private final BigInteger privateExponent;
    private final BigInteger publicValue;

    DhKeyPair(BigInteger privateExponent) {
        if (privateExponent.signum() <= 0 || privateExponent.compareTo(DhGroup.P) >= 0) {
            throw new IllegalArgumentException("private exponent out of range");
        }
        this.privateExponent = privateExponent;
        this.publicValue = DhGroup.G.modPow(privateExponent, DhGroup.P);
    }

    /** The top bit is forced so that an unlucky draw never yields a short exponent. */
    public static DhKeyPair generate(SecureRandom random) {
        BigInteger exponent = new BigInteger(PRIVATE_EXPONENT_BITS, random).setBit(PRIVATE_EXPONENT_BITS - 1);
        return new DhKeyPair(exponent);
    }

    public BigInteger publicValue() {
        return publicValue;
    }

    /**
     * Validates the peer's value and returns S = peer^x mod p as minimal big-endian bytes.
     *
     * @throws SecureChannelException if the peer's value is not in 2..p-2
     */
    public byte[] sharedSecret(BigInteger peerPublicValue) {
        BigInteger shared = DhGroup.requireValidPublicValue(peerPublicValue).modPow(privateExponent, DhGroup.P);
        return DhGroup.toMinimalBytes(shared);
    }

    @Override
    public String toString() {
        return "DhKeyPair[public=" + publicValue.toString(16) + "]";
    }
}
