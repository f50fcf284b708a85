package org.confab.server.contacts;

import java.util.function.Supplier;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.confab.server.account.Account;
import org.confab.server.delivery.Participant;
import org.confab.storage.ListKind;
import org.confab.storage.Store;
import org.confab.storage.UserList;

/**
 * Each account's two lists, shared by every protocol: the friend list (vCom's friendlist and
 * DMconnect's status subscriptions) and the block list (vCom's blocklist and DMconnect's ignore
 * list). Entries are user names, or {@code user@host} for users of other hosts, compared
 * without regard to case. Every change stamps the list with the current time, which is what
 * vCom's list sync compares.
 *
 * <p>The block lists of online accounts are kept in memory so that fan-out can filter without
 * touching the database. Each session holds its account's cached list from before it goes online
 * until it has gone offline; the list is dropped when the last hold is released.
 */
public final class Contacts {

    private final Store store;
    private final Executor database;
    private final Map<Long, Set<String>> blockedByOnlineAccount = new ConcurrentHashMap<>();
    private final AtomicInteger nonEmptyBlockLists = new AtomicInteger();
    /** Guarded by {@code this}, as are the writes to the two fields above. */
    private final Map<Long, Holding> holdings = new HashMap<>();

    /**
     * An account's claim on the cache. Every read of its list takes a ticket first, so that a read
     * overtaken by a newer one (a login's load racing a block) cannot overwrite it, and a read
     * that finishes after the account went offline finds its holding gone and caches nothing.
     */
    private static final class Holding {
        int sessions;
        long tickets;
        long cachedTicket;
    }

    public Contacts(Store store, Executor database) {
        this.store = store;
        this.database = database;
    }

    public static String entryKey(String entry) {
        return entry.toLowerCase(Locale.ROOT);
    }

    /**
     * A session of this account is about to go online: holds the account's block list in memory,
     * read afresh. Completes once it is cached; if the read fails, the hold is released again.
     * Every hold is matched by exactly one {@link #release}.
     */
    public CompletableFuture<Void> hold(Account account) {
        Holding holding;
        long ticket;
        synchronized (this) {
            holding = holdings.computeIfAbsent(account.id(), id -> new Holding());
            holding.sessions++;
            ticket = ++holding.tickets;
        }
        return CompletableFuture.runAsync(() -> reread(account.id(), holding, ticket), database)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        release(account);
                    }
                });
    }

    /** A session has gone offline; the cached list goes with the account's last hold. */
    public synchronized void release(Account account) {
        Holding holding = holdings.get(account.id());
        if (holding != null && --holding.sessions == 0) {
            holdings.remove(account.id());
            nonEmptyBlockLists.addAndGet(-weight(blockedByOnlineAccount.remove(account.id())));
        }
    }

    /** Whether {@code recipient} blocks {@code sender}. Memory only: valid for online accounts. */
    public boolean blocks(Account recipient, Participant sender) {
        if (nonEmptyBlockLists.get() == 0) {
            return false; // the common case, and the fan-out's hot path: no lookup per recipient
        }
        Set<String> blocked = blockedByOnlineAccount.get(recipient.id());
        return blocked != null && blocked.contains(sender.key());
    }

    /** The same question for any account, online or not; reads the store. Call off I/O threads. */
    public boolean blocksStored(long recipientId, Participant sender) {
        return store.userLists().contains(recipientId, ListKind.BLOCKED, sender.key());
    }

    /** The ids of the accounts whose list of this kind holds the entry. */
    public CompletableFuture<List<Long>> listing(ListKind kind, String entry) {
        return CompletableFuture.supplyAsync(() -> store.userLists().accountsListing(kind, entryKey(entry)), database);
    }

    public CompletableFuture<UserList> get(Account account, ListKind kind) {
        return CompletableFuture.supplyAsync(() -> store.userLists().get(account.id(), kind), database);
    }

    public CompletableFuture<Boolean> add(Account account, ListKind kind, String entry) {
        return change(account, kind, () -> store.userLists().add(account.id(), kind, entryKey(entry), System.currentTimeMillis()));
    }

    public CompletableFuture<Boolean> remove(Account account, ListKind kind, String entry) {
        return change(account, kind, () -> store.userLists().remove(account.id(), kind, entryKey(entry), System.currentTimeMillis()));
    }

    public CompletableFuture<Boolean> clear(Account account, ListKind kind) {
        return change(account, kind, () -> {
            store.userLists().clear(account.id(), kind, System.currentTimeMillis());
            return true;
        });
    }

    /** Replaces a whole list (vCom list sync, "the client's list is newer"). */
    public CompletableFuture<Boolean> replace(Account account, ListKind kind, List<String> entries) {
        return change(account, kind, () -> {
            store.userLists().replace(account.id(), kind, entries.stream().map(Contacts::entryKey).toList(),
                    System.currentTimeMillis());
            return true;
        });
    }

    private CompletableFuture<Boolean> change(Account account, ListKind kind, Supplier<Boolean> write) {
        return CompletableFuture.supplyAsync(() -> {
            boolean changed = write.get();
            if (kind == ListKind.BLOCKED) {
                Holding holding;
                long ticket;
                synchronized (this) {
                    holding = holdings.get(account.id());
                    if (holding == null) {
                        return changed; // offline: the next hold reads the list as written
                    }
                    ticket = ++holding.tickets;
                }
                reread(account.id(), holding, ticket);
            }
            return changed;
        }, database);
    }

    private void reread(long accountId, Holding holding, long ticket) {
        UserList list = store.userLists().get(accountId, ListKind.BLOCKED);
        Set<String> blocked = Set.copyOf(list.entries().stream().map(Contacts::entryKey).toList());
        synchronized (this) {
            if (holdings.get(accountId) != holding || ticket < holding.cachedTicket) {
                return;
            }
            holding.cachedTicket = ticket;
            nonEmptyBlockLists.addAndGet(weight(blocked) - weight(blockedByOnlineAccount.put(accountId, blocked)));
        }
    }

    private static int weight(Set<String> blocked) {
        return blocked == null || blocked.isEmpty() ? 0 : 1;
    }
}
