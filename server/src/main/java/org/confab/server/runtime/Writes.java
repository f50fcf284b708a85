package org.confab.server.runtime;

import java.util.concurrent.CompletableFuture;
import org.apache.mina.core.future.WriteFuture;

/** MINA write futures as completion stages. */
public final class Writes {

    private Writes() {
    }

    /**
     * Completes with true once the connection has taken the bytes, false when it failed or
     * closed first; a null future (nothing was written) is false at once.
     */
    public static CompletableFuture<Boolean> taken(WriteFuture written) {
        CompletableFuture<Boolean> taken = new CompletableFuture<>();
        if (written == null) {
            taken.complete(false);
        } else {
            written.addListener(f -> taken.complete(((WriteFuture) f).isWritten()));
        }
        return taken;
    }
}
