package org.confab.bench.work;

import java.util.List;

/** Clients brought to the ready state and held open, whatever their protocol. */
interface HeldSessions {

    int ready();

    /** Setup failures and connections the server closed, first few only. */
    List<String> failures();

    int failureCount();

    /** Ready clients whose connection the server closed. */
    int dropped();

    /** Closes every client and waits until they have closed. */
    void closeAll() throws InterruptedException;
}
