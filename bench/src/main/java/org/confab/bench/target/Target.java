package org.confab.bench.target;

import java.net.InetSocketAddress;

/**
 * The server a run drives.
 *
 * @param kind {@code confab}, {@code floor}, or {@code external} (started by someone else)
 * @param secure the encrypted DMconnect port, or null when the server has none
 * @param vcom the vCom TLS port, or null when the server has none
 * @param pid the server's process id, or -1 when unknown (no memory or CPU figures then)
 */
public record Target(String kind, InetSocketAddress plain, InetSocketAddress secure, InetSocketAddress vcom, long pid) {

    public Target {
        requireLoopback(plain);
        requireLoopback(secure);
        requireLoopback(vcom);
    }

    /** Load is only ever aimed at this machine. */
    private static void requireLoopback(InetSocketAddress address) {
        if (address != null && (address.getAddress() == null || !address.getAddress().isLoopbackAddress())) {
            throw new IllegalArgumentException("only loopback addresses (127.0.0.0/8, ::1) may be targets, not " + address);
        }
    }

    public boolean hasPid() {
        return pid > 0;
    }
}
