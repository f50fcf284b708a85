package org.confab.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2idTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NONE = new byte[0];

    private final Argon2id argon2 = new Argon2id();

    @Test
    void rfc9106TestVector() {
        // RFC 9106 section 5.3: Argon2id, m=32 KiB, t=3, p=4, with a secret and associated data.
        byte[] tag = argon2.hash(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4), 32, 3, 4, 32);
        assertThat(HEX.formatHex(tag)).isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void matchesTheReferenceCli() throws Exception {
        // echo -n "correct horse" | argon2 saltysaltsalt -id -t T -k M -p P -l L -r (Debian package argon2):
        // a memory size that is no multiple of 4p, the smallest memory and tag, a long tag. The default
        // parameters are PasswordHasherTest's.
        byte[] password = "correct horse".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "saltysaltsalt".getBytes(StandardCharsets.UTF_8);
        assertThat(HEX.formatHex(argon2.hash(password, salt, NONE, NONE, 100, 3, 3, 80))).isEqualTo(
                "048950d5f82968c1349471ccbb7bf40f03ec2748f0d117e68ad15e8152481bbe3561525354947ed31621dc1860b6b5eb"
                        + "6d2d621b87956d55b716b8c6705dd106518314a723609a68553df948be2a4c12");
        assertThat(HEX.formatHex(argon2.hash(password, salt, NONE, NONE, 8, 1, 1, 4))).isEqualTo("3f4e1dda");
        byte[] longTag = argon2.hash(password, salt, NONE, NONE, 65, 4, 2, 1024);
        assertThat(longTag).hasSize(1024);
        assertThat(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(longTag)))
                .isEqualTo("461df254d014cb1c17083fb13cc413144084550105be40dff191ab6d7aa1dd51");
    }

    @Test
    void agreesWithBouncyCastleOnRandomParameters() {
        // The implementation it replaced, on the parameters a stored hash may carry; one instance
        // throughout, so that memory left by a larger hash never leaks into a smaller one.
        Random random = new Random(9106);
        for (int i = 0; i < 12; i++) {
            int lanes = 1 + random.nextInt(4);
            int memory = 8 * lanes + random.nextInt(80);
            int iterations = 1 + random.nextInt(3);
            int length = 4 + random.nextInt(100);
            byte[] password = bytes(random, random.nextInt(40));
            byte[] salt = bytes(random, 8 + random.nextInt(24));
            assertThat(argon2.hash(password, salt, NONE, NONE, memory, iterations, lanes, length))
                    .as("m=%d t=%d p=%d length=%d", memory, iterations, lanes, length)
                    .isEqualTo(bouncyCastle(password, salt, memory, iterations, lanes, length));
        }
    }

    @Test
    void refusesParametersArgon2DoesNotDefine() {
        assertThatThrownBy(() -> argon2.hash(NONE, filled(16, 0), NONE, NONE, 15, 1, 2, 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> argon2.hash(NONE, filled(16, 0), NONE, NONE, 64, 0, 1, 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> argon2.hash(NONE, filled(16, 0), NONE, NONE, 64, 1, 1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> argon2.hash(NONE, filled(16, 0), NONE, NONE, Integer.MAX_VALUE, 1, 1, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bouncyCastle(byte[] password, byte[] salt, int memory, int iterations, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memory).withIterations(iterations)
                .withParallelism(lanes).withSalt(salt).build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
