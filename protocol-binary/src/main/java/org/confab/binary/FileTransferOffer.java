package org.confab.binary;

import java.util.Objects;

/** 271, S->C: {@code sender} offers a file; the recipient answers with accept or abort for {@code transferId}. */
public record FileTransferOffer(String sender, int size, String fileName, int transferId) implements VcomPacket {

    public static final int ID = 271;

    public FileTransferOffer {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(fileName, "fileName");
    }

    @Override
    public int id() {
        return ID;
    }
}
