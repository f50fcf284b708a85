package org.confab.server.runtime;

import java.io.IOException;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;

/** What every MINA handler does with an error on a connection: close it, and log it as it deserves. */
public final class IoErrors {

    private IoErrors() {
    }

    /** A peer resetting is routine (debug); anything else is a bug worth a warning. */
    public static void close(Logger log, IoSession io, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("I/O error on {}: {}", io.getRemoteAddress(), cause.getMessage());
        } else {
            log.warn("Error on {}; closing it", io.getRemoteAddress(), cause);
        }
        io.closeNow();
    }
}
