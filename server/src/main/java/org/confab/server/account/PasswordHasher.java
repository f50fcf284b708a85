package org.confab.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}),
 * so that stored hashes carry their own parameters and survive a change of the defaults.
 * CPU- and memory-heavy by design: call only from the hashing executor, whose threads keep their
 * Argon2 memory (m KiB) for the next hash ({@link HashingThread}); elsewhere (the admin channel)
 * each hash allocates its own.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final byte[] NONE = new byte[0];

    private final HashParameters parameters;
    private final SecureRandom random = new SecureRandom();

    public record HashParameters(int memoryKib, int iterations, int parallelism) {
        /** OWASP's first recommendation for Argon2id. */
        public static final HashParameters DEFAULT = new HashParameters(19_456, 2, 1);

        public HashParameters {
            if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("invalid Argon2 parameters");
            }
        }
    }

    public PasswordHasher(HashParameters parameters) {
        this.parameters = parameters;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations()
                + ",p=" + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** False for a wrong password and for a stored value that is not an Argon2id PHC string. */
    public boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            HashParameters p = parseParameters(parts[3]);
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            return MessageDigest.isEqual(expected, derive(password, salt, p, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static HashParameters parseParameters(String text) {
        int m = 0, t = 0, p = 0;
        for (String kv : text.split(",")) {
            String[] pair = kv.split("=", 2);
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> m = value;
                case "t" -> t = value;
                case "p" -> p = value;
                default -> throw new IllegalArgumentException("unknown parameter " + pair[0]);
            }
        }
        return new HashParameters(m, t, p);
    }

    private static byte[] derive(String password, byte[] salt, HashParameters p, int length) {
        Argon2id argon2 = Thread.currentThread() instanceof HashingThread t ? t.argon2 : new Argon2id();
        return argon2.hash(password.getBytes(StandardCharsets.UTF_8), salt, NONE, NONE,
                p.memoryKib(), p.iterations(), p.parallelism(), length);
    }
}
