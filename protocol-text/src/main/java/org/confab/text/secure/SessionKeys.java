package org.confab.text.secure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** The AES-256 and HMAC-SHA256 keys of one encrypted connection; the same pair serves both directions. */
public record SessionKeys(byte[] encKey, byte[] macKey) {

    public static final int KEY_BYTES = 32;

    private static final byte[] ENC_LABEL = "|KEY".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAC_LABEL = "|MAC".getBytes(StandardCharsets.US_ASCII);

    public SessionKeys {
        if (encKey.length != KEY_BYTES || macKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("session keys must be " + KEY_BYTES + " bytes each");
        }
        encKey = encKey.clone();
        macKey = macKey.clone();
    }

    /** encKey = SHA-256(S || "|KEY"), macKey = SHA-256(S || "|MAC"), S as minimal big-endian bytes. */
    public static SessionKeys derive(byte[] sharedSecret) {
        return new SessionKeys(sha256(sharedSecret, ENC_LABEL), sha256(sharedSecret, MAC_LABEL));
    }

    private static byte[] sha256(byte[] secret, byte[] label) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(secret);
            return digest.digest(label);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public byte[] encKey() {
        return encKey.clone();
    }

    @Override
    public byte[] macKey() {
        return macKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionKeys keys
                && MessageDigest.isEqual(encKey, keys.encKey)
                && MessageDigest.isEqual(macKey, keys.macKey);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(encKey) + Arrays.hashCode(macKey);
    }

    @Override
    public String toString() {
        return "SessionKeys[redacted]";
    }
}
