package org.confab.server.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One client of a crash run, in a thread of its own: it repeats its kind of operation until the
 * server dies under it, and keeps what the server acknowledged and what was in flight when it
 * died, for the check after the restart (read them after {@link #join}).
 *
 * <p>A reply that is not the expected one fails the run whenever it came: the clients return
 * only whole lines and packets, so a kill cannot produce one. A connection lost before the kill
 * fails it too; after the kill it is how the client ends.
 */
abstract class CrashClient<T> extends Thread {

    static final String PASSWORD = "pw";

    final List<T> acknowledged = new ArrayList<>();
    final List<T> inFlight = new ArrayList<>();
    final Random random;
    private final Acknowledgements acknowledgements;
    private Throwable failure;

    CrashClient(String name, long seed, Acknowledgements acknowledgements) {
        super(name);
        this.random = new Random(seed ^ name.hashCode());
        this.acknowledgements = acknowledgements;
        acknowledgements.expect(name);
        setDaemon(true);
    }

    /** Repeats the client's operation until an exception ends it. */
    abstract void work();

    /** Closes the client's connections once it has ended. */
    abstract void close();

    /** A failure ends the run at once, so that it is reported rather than waited for. */
    @Override
    public final void run() {
        try {
            work();
        } catch (WrongReply e) {
            failure = e;
        } catch (RuntimeException | AssertionError e) {
            if (!acknowledgements.killed()) {
                failure = e;
            }
        } finally {
            close();
        }
        if (failure != null) {
            acknowledgements.kill();
        }
    }

    /** Starts an operation whose outcome the server may decide either way if it dies now. */
    void sending(T operation) {
        inFlight.add(operation);
    }

    /** The server acknowledged every operation in flight. */
    void acknowledged() {
        for (T operation : inFlight) {
            acknowledged.add(operation);
            acknowledgements.add(getName());
        }
        inFlight.clear();
    }

    static void expectReply(Object actual, Object expected, String to) {
        if (!expected.equals(actual)) {
            throw new WrongReply("to " + to + ": expected " + expected + " but got " + actual);
        }
    }

    /** Null when the client ended because of the kill. */
    Throwable failure() {
        return failure;
    }

    static final class WrongReply extends AssertionError {
        WrongReply(String message) {
            super(message);
        }
    }
}
