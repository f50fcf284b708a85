package org.confab.server.device;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.confab.server.account.Account;
import org.confab.storage.Store;

/** vCom device ids: issued per account, unique on the server, kept in the store. */
public final class Devices {

    /** What a client sends the first time it connects from a device. */
    public static final int NEW_DEVICE = -1;

    private final Store store;
    private final Executor database;

    public Devices(Store store, Executor database) {
        this.store = store;
        this.database = database;
    }

    /**
     * The id the device goes on with: the one it sent if the account already has it (its last
     * use is recorded), otherwise a new one; an id of another account counts as unknown.
     */
    public CompletableFuture<Integer> connect(Account account, int requested) {
        return CompletableFuture.supplyAsync(() -> {
            if (requested != NEW_DEVICE && store.devices().belongsTo(account.id(), requested)) {
                store.devices().touch(account.id(), requested, Instant.now());
                return requested;
            }
            int issued = store.devices().issue(account.id());
            store.devices().touch(account.id(), issued, Instant.now());
            return issued;
        }, database);
    }
}
