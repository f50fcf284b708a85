package org.confab.storage;

import java.time.Instant;

/** A room; its id is also its vCom group id. */
public record RoomRecord(int id, String name, Instant createdAt) {
}
