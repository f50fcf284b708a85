package org.confab.text.secure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.function.Consumer;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Frames of the encrypted port, one codec per connection, used by both directions:
 * {@code u32 length || IV(16) || AES-256-CBC(PKCS#7(UTF-8 text)) || HMAC-SHA256(macKey, IV || ciphertext)},
 * the length counting everything after itself.
 *
 * <p>{@link #encode} and {@link #decode} each own their Cipher and Mac, so one thread may
 * write while another reads; concurrent calls of the same method are serialised.
 */
public final class SecureFrameCodec {

    /** The same limit as a plain-port message. */
    public static final int DEFAULT_MAX_PLAINTEXT_BYTES = 32_768;

    private static final int LENGTH_BYTES = 4;
    private static final int IV_BYTES = 16;
    private static final int BLOCK_BYTES = 16;
    private static final int MAC_BYTES = 32;
    private static final int MIN_FRAME_BYTES = IV_BYTES + BLOCK_BYTES + MAC_BYTES;

    private final SecretKeySpec encKey;
    private final int maxPlaintextBytes;
    private final int maxFrameBytes;
    private final Consumer<byte[]> ivSource;
    private final Cipher encryptCipher;
    private final Mac encryptMac;
    private final Cipher decryptCipher;
    private final Mac decryptMac;

    public SecureFrameCodec(SessionKeys keys) {
        this(keys, DEFAULT_MAX_PLAINTEXT_BYTES);
    }

    /**
     * @param maxPlaintextBytes largest message {@link #decode} accepts. A client reading a
     *     server should allow more than the server allows a client: a relayed line carries a
     *     name prefix on top of the sender's maximum.
     */
    public SecureFrameCodec(SessionKeys keys, int maxPlaintextBytes) {
        this(keys, maxPlaintextBytes, new SecureRandom()::nextBytes);
    }

    SecureFrameCodec(SessionKeys keys, int maxPlaintextBytes, Consumer<byte[]> ivSource) {
        if (maxPlaintextBytes < 0 || maxPlaintextBytes > Integer.MAX_VALUE - 2 * MIN_FRAME_BYTES) {
            throw new IllegalArgumentException("maxPlaintextBytes out of range: " + maxPlaintextBytes);
        }
        this.encKey = new SecretKeySpec(keys.encKey(), "AES");
        this.maxPlaintextBytes = maxPlaintextBytes;
        this.maxFrameBytes = IV_BYTES + paddedLength(maxPlaintextBytes) + MAC_BYTES;
        this.ivSource = ivSource;
        SecretKeySpec macKey = new SecretKeySpec(keys.macKey(), "HmacSHA256");
        try {
            encryptCipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            decryptCipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            encryptMac = Mac.getInstance("HmacSHA256");
            encryptMac.init(macKey);
            decryptMac = Mac.getInstance("HmacSHA256");
            decryptMac.init(macKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES/CBC and HmacSHA256", e);
        }
    }

    /** One complete frame, ready to write. */
    public byte[] encode(String text) {
        byte[] plaintext = text.getBytes(StandardCharsets.UTF_8);
        int ciphertextBytes = paddedLength(plaintext.length);
        int length = IV_BYTES + ciphertextBytes + MAC_BYTES;
        byte[] frame = new byte[LENGTH_BYTES + length];
        putLength(frame, length);
        byte[] iv = new byte[IV_BYTES];
        synchronized (encryptCipher) {
            ivSource.accept(iv);
            System.arraycopy(iv, 0, frame, LENGTH_BYTES, IV_BYTES);
            try {
                encryptCipher.init(Cipher.ENCRYPT_MODE, encKey, new IvParameterSpec(iv));
                encryptCipher.doFinal(plaintext, 0, plaintext.length, frame, LENGTH_BYTES + IV_BYTES);
                encryptMac.update(frame, LENGTH_BYTES, IV_BYTES + ciphertextBytes);
                encryptMac.doFinal(frame, LENGTH_BYTES + IV_BYTES + ciphertextBytes);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("encrypting with a valid key cannot fail", e);
            }
        }
        return frame;
    }

    /**
     * Consumes one frame and returns its text; invalid UTF-8 is replaced, never fatal.
     *
     * @return the text, or null (buffer position untouched) while the frame is incomplete
     * @throws SecureChannelException on an impossible or oversized length (checked as soon as
     *     the 4 length bytes are in, before anything is allocated), a MAC that does not verify
     *     (checked before decrypting), bad padding, or a message above the plaintext limit
     */
    public String decode(ByteBuffer in) {
        if (in.remaining() < LENGTH_BYTES) {
            return null;
        }
        int start = in.position();
        int length = getLength(in, start);
        if (length < MIN_FRAME_BYTES || length > maxFrameBytes || (length - IV_BYTES - MAC_BYTES) % BLOCK_BYTES != 0) {
            throw new SecureChannelException("frame length " + Integer.toUnsignedString(length) + " out of range");
        }
        if (in.remaining() - LENGTH_BYTES < length) {
            return null;
        }
        int ivAt = start + LENGTH_BYTES;
        int ciphertextAt = ivAt + IV_BYTES;
        int macAt = start + LENGTH_BYTES + length - MAC_BYTES;
        byte[] plaintext;
        int plaintextBytes;
        synchronized (decryptCipher) {
            decryptMac.update(in.duplicate().limit(macAt).position(ivAt));
            byte[] expectedMac = decryptMac.doFinal();
            byte[] receivedMac = new byte[MAC_BYTES];
            in.get(macAt, receivedMac);
            if (!MessageDigest.isEqual(expectedMac, receivedMac)) {
                throw new SecureChannelException("frame MAC does not verify");
            }
            byte[] iv = new byte[IV_BYTES];
            in.get(ivAt, iv);
            plaintext = new byte[macAt - ciphertextAt];
            try {
                decryptCipher.init(Cipher.DECRYPT_MODE, encKey, new IvParameterSpec(iv));
                plaintextBytes = decryptCipher.doFinal(in.duplicate().limit(macAt).position(ciphertextAt), ByteBuffer.wrap(plaintext));
            } catch (BadPaddingException e) {
                throw new SecureChannelException("frame padding is invalid", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("decrypting a block-aligned frame with a valid key cannot fail", e);
            }
        }
        if (plaintextBytes > maxPlaintextBytes) {
            throw new SecureChannelException("message of " + plaintextBytes + " bytes exceeds " + maxPlaintextBytes);
        }
        in.position(start + LENGTH_BYTES + length);
        return new String(plaintext, 0, plaintextBytes, StandardCharsets.UTF_8);
    }

    /** PKCS#7 always adds 1 to 16 bytes. */
    private static int paddedLength(int plaintextBytes) {
        return (plaintextBytes / BLOCK_BYTES + 1) * BLOCK_BYTES;
    }

    private static void putLength(byte[] frame, int length) {
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
    }

    /** Read byte by byte: the caller's buffer may be set to little-endian. */
    private static int getLength(ByteBuffer in, int at) {
        return (in.get(at) & 0xFF) << 24 | (in.get(at + 1) & 0xFF) << 16 | (in.get(at + 2) & 0xFF) << 8 | in.get(at + 3) & 0xFF;
    }
}
