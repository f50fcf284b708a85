package org.confab.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.confab.server.account.PasswordHasher.HashParameters;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new HashParameters(1024, 1, 1));

    @Test
    void hashIsAnArgon2idPhcStringWithItsParameters() {
        String hash = hasher.hash("secret");
        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("secret");
        assertThat(hash.split("\\$")).hasSize(6);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("secret");
        assertThat(hasher.verify("secret", hash)).isTrue();
        assertThat(hasher.verify("Secret", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void saltMakesEveryHashDifferent() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void storedParametersWinOverTheCurrentOnes() {
        String old = new PasswordHasher(new HashParameters(2048, 2, 1)).hash("pw");
        assertThat(hasher.verify("pw", old)).isTrue();
    }

    @Test
    void knownAnswerFromTheReferenceImplementation() {
        // argon2id, m=1024 KiB, t=1, p=1, salt "saltsaltsaltsalt", password "password", 32-byte tag,
        // as produced by the reference argon2 CLI: echo -n password | argon2 saltsaltsaltsalt -id -t 1 -m 10 -p 1 -l 32 -e (Debian package argon2)
        String reference = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$TJqEe8os/EHZfL3Vapc59ET5wfcEzIeGVsEYtgkuoKw";
        assertThat(hasher.verify("password", reference)).isTrue();
    }

    @Test
    void verifiesReferenceHashesAtTheDefaultParameters() {
        // echo -n s3cret | argon2 0123456789abcdef -id -t 2 -k 19456 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$E8UNQ7rkZUJ4zuoAI9f6gXEG31UMTCevmnL75LAizgw";
        assertThat(hasher.verify("s3cret", reference)).isTrue();
        assertThat(hasher.verify("s3creT", reference)).isFalse();
    }

    @Test
    void garbageStoredValuesNeverMatch() {
        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", "plaintext")).isFalse();
        assertThat(hasher.verify("pw", "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("pw", "$argon2i$v=19$m=1024,t=1,p=1$AAAA$AAAA")).isFalse();
    }
}
