package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessListRepositoryTest {

    private final Store store = Store.openInMemory();
    private final AccessListRepository access = store.accessLists();

    @AfterEach
    void close() {
        store.close();
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void addNormalisesAndRefusesDuplicates() {
        assertThat(access.add(AccessListKind.BLACKLIST, EntryType.USER, "Spammer")).isTrue();
        assertThat(access.add(AccessListKind.BLACKLIST, EntryType.USER, "SPAMMER")).isFalse();
        assertThat(access.add(AccessListKind.BLACKLIST, EntryType.IP, "10.1.2.3/8")).isTrue();
        assertThat(access.add(AccessListKind.BLACKLIST, EntryType.IP, "10.0.0.0/8")).isFalse();
        assertThat(access.add(AccessListKind.WHITELIST, EntryType.USER, "spammer")).isTrue();

        assertThat(access.list(AccessListKind.BLACKLIST))
                .extracting(AccessEntry::list, AccessEntry::type, AccessEntry::value)
                .containsExactly(
                        tuple(AccessListKind.BLACKLIST, EntryType.USER, "spammer"),
                        tuple(AccessListKind.BLACKLIST, EntryType.IP, "10.0.0.0/8"));
        assertThat(access.list(AccessListKind.BLACKLIST)).allSatisfy(e -> assertThat(e.addedAt()).isNotNull());
    }

    @Test
    void addRejectsABadIpWithoutStoringIt() {
        assertThatThrownBy(() -> access.add(AccessListKind.BLACKLIST, EntryType.IP, "10.0.0.0/40"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> access.add(AccessListKind.BLACKLIST, EntryType.IP, "evil.example"))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(access.list(AccessListKind.BLACKLIST)).isEmpty();
    }

    @Test
    void removeAcceptsAnySpellingOfTheEntry() {
        access.add(AccessListKind.WHITELIST, EntryType.IP, "2001:db8::1");
        access.add(AccessListKind.WHITELIST, EntryType.USER, "Friend");

        assertThat(access.remove(AccessListKind.WHITELIST, EntryType.IP, "2001:0DB8:0::1/128")).isTrue();
        assertThat(access.remove(AccessListKind.WHITELIST, EntryType.USER, "FRIEND")).isTrue();
        assertThat(access.remove(AccessListKind.WHITELIST, EntryType.USER, "friend")).isFalse();
        assertThat(access.list(AccessListKind.WHITELIST)).isEmpty();
    }

    @Test
    void userAndIpEntriesDoNotMix() {
        access.add(AccessListKind.BLACKLIST, EntryType.USER, "1.2.3.4x");

        assertThat(access.remove(AccessListKind.BLACKLIST, EntryType.IP, "1.2.3.4")).isFalse();
        assertThat(access.isUserListed(AccessListKind.BLACKLIST, "1.2.3.4x")).isTrue();
    }

    @Test
    void isUserListedIgnoresCaseAndIsPerList() {
        access.add(AccessListKind.BLACKLIST, EntryType.USER, "Troll");

        assertThat(access.isUserListed(AccessListKind.BLACKLIST, "tROLL")).isTrue();
        assertThat(access.isUserListed(AccessListKind.WHITELIST, "troll")).isFalse();
        assertThat(access.isUserListed(AccessListKind.BLACKLIST, "other")).isFalse();
    }

    @Test
    void isIpListedChecksRangesOfTheRightList() throws Exception {
        access.add(AccessListKind.BLACKLIST, EntryType.IP, "198.51.100.0/24");
        access.add(AccessListKind.BLACKLIST, EntryType.IP, "2001:db8::/32");
        access.add(AccessListKind.WHITELIST, EntryType.IP, "203.0.113.5");

        assertThat(access.isIpListed(AccessListKind.BLACKLIST, ip("198.51.100.77"))).isTrue();
        assertThat(access.isIpListed(AccessListKind.BLACKLIST, ip("2001:db8:1::9"))).isTrue();
        assertThat(access.isIpListed(AccessListKind.BLACKLIST, ip("203.0.113.5"))).isFalse();
        assertThat(access.isIpListed(AccessListKind.WHITELIST, ip("203.0.113.5"))).isTrue();
        assertThat(access.isIpListed(AccessListKind.WHITELIST, ip("198.51.100.77"))).isFalse();
    }

    @Test
    void isIpListedSeesEveryChangeAtOnce() throws Exception {
        InetAddress client = ip("192.0.2.10");
        assertThat(access.isIpListed(AccessListKind.BLACKLIST, client)).isFalse();

        access.add(AccessListKind.BLACKLIST, EntryType.IP, "192.0.2.0/24");
        assertThat(access.isIpListed(AccessListKind.BLACKLIST, client)).isTrue();

        access.remove(AccessListKind.BLACKLIST, EntryType.IP, "192.0.2.0/24");
        assertThat(access.isIpListed(AccessListKind.BLACKLIST, client)).isFalse();
    }

    @Test
    void ipEntriesSurviveReopening(@TempDir Path dir) throws Exception {
        try (Store first = Store.open(dir)) {
            first.accessLists().add(AccessListKind.BLACKLIST, EntryType.IP, "192.0.2.0/24");
        }
        try (Store reopened = Store.open(dir)) {
            assertThat(reopened.accessLists().isIpListed(AccessListKind.BLACKLIST, ip("192.0.2.1"))).isTrue();
        }
    }
}
