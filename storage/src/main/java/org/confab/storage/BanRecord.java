package org.confab.storage;

import java.time.Instant;

/** A ban of an account name. {@code reason} may be null; {@code by} names who banned. */
public record BanRecord(String accountName, String reason, Instant at, String by) {
}
