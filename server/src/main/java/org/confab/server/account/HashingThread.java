package org.confab.server.account;

/**
 * A thread of the hashing pool. It keeps its Argon2 memory from one hash to the next, so that a
 * burst of logins allocates it once per thread rather than once per hash, and gives it back when
 * the pool lets it end.
 */
public final class HashingThread extends Thread {

    final Argon2id argon2 = new Argon2id();

    public HashingThread(Runnable task, String name) {
        super(task, name);
        setDaemon(true);
    }
}
