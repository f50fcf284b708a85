package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceRepositoryTest {

    private final Store store = Store.openInMemory();
    private final DeviceRepository devices = store.devices();
    private final long alice = store.accounts().create("alice", "h").orElseThrow().id();
    private final long bob = store.accounts().create("bob", "h").orElseThrow().id();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void issuedIdsArePositiveAndUniqueAcrossAccounts() {
        int a1 = devices.issue(alice);
        int b1 = devices.issue(bob);
        int a2 = devices.issue(alice);

        assertThat(a1).isPositive();
        assertThat(new int[] {a1, b1, a2}).doesNotHaveDuplicates();
    }

    @Test
    void idsAreNotReusedAfterTheirAccountIsDeleted() {
        int first = devices.issue(bob);
        store.accounts().delete("bob");

        assertThat(devices.issue(alice)).isGreaterThan(first);
    }

    @Test
    void issueForUnknownAccountFails() {
        assertThatThrownBy(() -> devices.issue(424242)).isInstanceOf(StorageException.class)
                .hasMessageContaining("issue device to account #424242");
    }

    @Test
    void belongsToOnlyTheAccountItWasIssuedTo() {
        int id = devices.issue(alice);

        assertThat(devices.belongsTo(alice, id)).isTrue();
        assertThat(devices.belongsTo(bob, id)).isFalse();
        assertThat(devices.belongsTo(alice, id + 1000)).isFalse();
    }

    @Test
    void listShowsTheAccountsDevicesOldestFirst() {
        int first = devices.issue(alice);
        devices.issue(bob);
        int second = devices.issue(alice);

        assertThat(devices.list(alice)).extracting(DeviceRecord::id).containsExactly(first, second);
        assertThat(devices.list(alice).get(0).createdAt()).isNotNull();
        assertThat(devices.list(alice).get(0).lastSeen()).isNull();
    }

    @Test
    void touchSetsLastSeenOnlyForTheOwner() {
        int id = devices.issue(alice);
        Instant at = Instant.parse("2025-01-02T03:04:05.678Z");

        devices.touch(bob, id, Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(devices.list(alice).get(0).lastSeen()).isNull();

        devices.touch(alice, id, at);
        assertThat(devices.list(alice).get(0).lastSeen()).isEqualTo(at);
    }
}
