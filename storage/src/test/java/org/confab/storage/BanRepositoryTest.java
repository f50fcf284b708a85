package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BanRepositoryTest {

    private final Store store = Store.openInMemory();
    private final BanRepository bans = store.bans();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void banIsFalseWhenAlreadyBannedInAnyCase() {
        assertThat(bans.ban("Troll", "spam", "admin")).isTrue();
        assertThat(bans.ban("troll", "again", "admin")).isFalse();

        assertThat(bans.list()).singleElement().satisfies(b -> {
            assertThat(b.accountName()).isEqualTo("Troll");
            assertThat(b.reason()).isEqualTo("spam");
        });
    }

    @Test
    void banNeedsNoAccountAndAcceptsNoReason() {
        assertThat(bans.ban("ghost", null, "console")).isTrue();

        assertThat(bans.list().get(0).reason()).isNull();
    }

    @Test
    void isBannedIgnoresCase() {
        bans.ban("Troll", "spam", "admin");

        assertThat(bans.isBanned("TROLL")).isTrue();
        assertThat(bans.isBanned("troll2")).isFalse();
    }

    @Test
    void unbanIgnoresCaseAndReportsWhetherItUnbanned() {
        bans.ban("Troll", "spam", "admin");

        assertThat(bans.unban("tRoLL")).isTrue();
        assertThat(bans.unban("troll")).isFalse();
        assertThat(bans.isBanned("troll")).isFalse();
    }

    @Test
    void listShowsEveryFieldOldestFirst() {
        bans.ban("zed", "first", "admin");
        bans.ban("amy", "second", "mod");

        assertThat(bans.list()).extracting(BanRecord::accountName, BanRecord::reason, BanRecord::by)
                .containsExactly(
                        tuple("zed", "first", "admin"),
                        tuple("amy", "second", "mod"));
        assertThat(bans.list().get(0).at()).isBeforeOrEqualTo(bans.list().get(1).at());
    }
}
