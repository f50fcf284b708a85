package org.confab.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** What every test client does with its socket. */
final class Sockets {

    private Sockets() {
    }

    /** True once the peer has closed the connection: reads, discarding, until end of stream. */
    static boolean awaitClosed(InputStream in) {
        try {
            byte[] discard = new byte[8192];
            while (in.read(discard) >= 0) {
                // Whatever was still in flight.
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Closing is best effort in tests. */
    static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed, or the peer reset it.
        }
    }
}
