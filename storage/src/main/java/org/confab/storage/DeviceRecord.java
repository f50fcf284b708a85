package org.confab.storage;

import java.time.Instant;

/** A vCom device issued to an account. {@code lastSeen} is null until it first connects. */
public record DeviceRecord(int id, Instant createdAt, Instant lastSeen) {
}
