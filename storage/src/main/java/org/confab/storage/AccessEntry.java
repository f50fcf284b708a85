package org.confab.storage;

import java.time.Instant;

/** An access-list entry; {@code value} is normalised (user lower case, IP range canonical). */
public record AccessEntry(AccessListKind list, EntryType type, String value, Instant addedAt) {
}
