package org.confab.storage;

import java.time.Instant;

/** A file received over HTTP upload; its bytes are stored on disk under {@code id}. */
public record UploadRecord(String id, long accountId, String fileName, String contentType, long size,
        Instant createdAt) {
}
