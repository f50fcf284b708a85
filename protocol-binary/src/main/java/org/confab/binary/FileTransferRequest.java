package org.confab.binary;

import java.util.Objects;

/** 268, C->S: asks to send a file of {@code size} bytes to {@code recipient}. */
public record FileTransferRequest(String recipient, int size, String fileName) implements VcomPacket {

    public static final int ID = 268;

    public FileTransferRequest {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(fileName, "fileName");
    }

    @Override
    public int id() {
        return ID;
    }
}
