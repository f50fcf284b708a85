package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsRepositoryTest {

    private final Store store = Store.openInMemory();
    private final SettingsRepository settings = store.settings();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anUnsetKeyGivesTheDefault() {
        assertThat(settings.getBoolean("whitelist.mode", false)).isFalse();
        assertThat(settings.getBoolean("whitelist.mode", true)).isTrue();
    }

    @Test
    void setBooleanOverwrites() {
        settings.setBoolean("whitelist.mode", true);
        assertThat(settings.getBoolean("whitelist.mode", false)).isTrue();

        settings.setBoolean("whitelist.mode", false);
        assertThat(settings.getBoolean("whitelist.mode", true)).isFalse();
    }

    @Test
    void keysAreIndependent() {
        settings.setBoolean("a", true);

        assertThat(settings.getBoolean("b", false)).isFalse();
    }
}
