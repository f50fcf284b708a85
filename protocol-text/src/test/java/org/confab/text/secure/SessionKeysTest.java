package org.confab.text.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SessionKeysTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void deriveHashesSecretWithLabels() throws Exception {
        byte[] secret = {1, 2, 3};

        SessionKeys keys = SessionKeys.derive(secret);

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        assertThat(keys.encKey()).isEqualTo(sha256.digest("\u0001\u0002\u0003|KEY".getBytes(StandardCharsets.US_ASCII)));
        assertThat(keys.macKey()).isEqualTo(sha256.digest("\u0001\u0002\u0003|MAC".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void toStringRevealsNoKeyMaterial() {
        SessionKeys keys = SessionKeys.derive(new byte[] {42});

        String text = keys.toString();

        assertThat(text).doesNotContain(HEX.formatHex(keys.encKey()), HEX.formatHex(keys.macKey()));
        assertThat(text).doesNotContain(java.util.Arrays.toString(keys.encKey()));
        assertThat(text).isEqualTo("SessionKeys[redacted]");
    }

    @Test
    void keysAreCopiedInAndOut() {
        byte[] enc = new byte[32];
        SessionKeys keys = new SessionKeys(enc, new byte[32]);

        enc[0] = 9;
        keys.encKey()[1] = 9;

        assertThat(keys.encKey()).containsOnly(0);
    }

    @Test
    void equalityIsByContent() {
        assertThat(SessionKeys.derive(new byte[] {7})).isEqualTo(SessionKeys.derive(new byte[] {7}))
                .hasSameHashCodeAs(SessionKeys.derive(new byte[] {7}))
                .isNotEqualTo(SessionKeys.derive(new byte[] {8}));
    }

    @Test
    void rejectsWrongKeyLength() {
        assertThatThrownBy(() -> new SessionKeys(new byte[16], new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }
}
