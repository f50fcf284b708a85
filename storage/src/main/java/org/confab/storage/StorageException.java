package org.confab.storage;

/** A storage operation failed; the message names the operation, the cause is the driver's error. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
