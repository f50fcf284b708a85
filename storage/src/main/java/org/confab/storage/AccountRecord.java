package org.confab.storage;

import java.time.Instant;

/** An account row. {@code lastSeen} is null until the account first logs in. */
public record AccountRecord(long id, String name, String passwordHash, Instant createdAt, Instant lastSeen) {

    /** Leaves out the password hash, which must never reach a log. */
    @Override
    public String toString() {
        return "AccountRecord[id=" + id + ", name=" + name + ", createdAt=" + createdAt
                + ", lastSeen=" + lastSeen + "]";
    }
}
