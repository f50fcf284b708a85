package org.confab.bench.work;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.confab.bench.target.Target;

/**
 * What every workload run needs: the server, the generator, and the bounds.
 *
 * @param encrypted drive DMconnect clients over the encrypted port
 * @param timeout the most any phase of the run may take
 * @param sourceAddresses how many 127.0.0.x addresses clients bind to (1: the OS picks)
 * @param tag makes this run's user and room names unique, so runs can share a server
 */
public record RunContext(Target target, Generator generator, boolean encrypted, Duration timeout, int sourceAddresses,
                         String tag) {

    public static String newTag() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);
    }

    /** Where DMconnect clients connect: the plain or the encrypted port. */
    public InetSocketAddress dmconnect() {
        if (encrypted && target.secure() == null) {
            throw new IllegalStateException(target.kind() + " serves no encrypted DMconnect port");
        }
        return encrypted ? target.secure() : target.plain();
    }

    /** The local address client {@code i} binds to, or null to let the OS pick. */
    public InetSocketAddress source(int i) {
        if (sourceAddresses <= 1) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (1 + i % sourceAddresses)}), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where CPU use is measured from: the generator's, the server's and the machine's. */
    public Generator.Mark mark() {
        return generator.mark(target.pid());
    }

    public long deadlineNanos() {
        return System.nanoTime() + timeout.toNanos();
    }
}
