package org.confab.server.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.confab.server.account.Account;
import org.confab.server.contacts.Contacts;
import org.confab.server.delivery.Content;
import org.confab.server.delivery.Delivery;
import org.confab.server.delivery.Participant;
import org.confab.server.runtime.Workers;
import org.confab.server.session.Session;
import org.confab.server.session.Sessions;
import org.confab.storage.StoredMessage;
import org.confab.storage.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages kept in the store for accounts that were offline, and their delivery when the account
 * is back: oldest first, each exactly once. A message is deleted only after a session's
 * connection has taken its bytes, and one account's deliveries run one after another, so that two
 * sessions logging in at once cannot both be given the same message.
 */
public final class Mailbox {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);
    /** Messages read and written per round: bounds the memory one delivery holds. */
    private static final int PAGE = 16;

    private final Store store;
    private final Sessions sessions;
    private final Contacts contacts;
    private final Executor database;
    private final int maxPerAccount;
    private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    public Mailbox(Store store, Sessions sessions, Contacts contacts, Executor database, int maxPerAccount) {
        this.store = store;
        this.sessions = sessions;
        this.contacts = contacts;
        this.database = database;
        this.maxPerAccount = maxPerAccount;
    }

    /**
     * Keeps a private or group message for an account; false when it is not kept because the
     * recipient blocks the sender or already has the most messages it may have waiting. Blocks:
     * call it on the database executor.
     */
    public boolean keep(long recipientId, Delivery message) {
        Participant sender;
        Integer groupId;
        Content content;
        long sentAt;
        if (message instanceof Delivery.PrivateMessage p) {
            sender = p.sender();
            groupId = null;
            content = p.content();
            sentAt = p.sentAtMillis();
        } else if (message instanceof Delivery.GroupMessage g) {
            sender = g.sender();
            groupId = g.groupId();
            content = g.content();
            sentAt = g.sentAtMillis();
        } else {
            throw new IllegalArgumentException("not a message: " + message.getClass().getSimpleName());
        }
        if (contacts.blocksStored(recipientId, sender)) {
            return false;
        }
        if (store.offlineMessages().countPending(recipientId) >= maxPerAccount) {
            log.warn("Dropped a message from {} for account #{}: {} messages already wait for it", sender.display(),
                    recipientId, maxPerAccount);
            return false;
        }
        store.offlineMessages().store(recipientId, sender.display(), groupId, sentAt,
                content instanceof Content.Text, content.bytes());
        return true;
    }

    /**
     * Hands the account's waiting messages to its sessions online now, each to every session
     * that shows it; completes when each has been written or left for later.
     */
    public CompletableFuture<Void> deliver(Account account) {
        CompletableFuture<Void> run = running.compute(account.id(), (id, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous.exceptionally(e -> null))
                        .thenCompose(ignored -> deliverFrom(account, null)));
        run.whenComplete((ignored, error) -> {
            running.remove(account.id(), run);
            if (error != null) {
                Workers.reportFailure(log, "Delivering stored messages to " + account.name() + " failed; they stay stored", error);
            }
        });
        return run;
    }

    private CompletableFuture<Void> deliverFrom(Account account, StoredMessage after) {
        return CompletableFuture.supplyAsync(() -> store.offlineMessages().pendingAfter(account.id(), after, PAGE), database)
                .thenCompose(page -> {
                    if (page.isEmpty()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    List<Session> targets = List.copyOf(sessions.of(account.key()));
                    List<CompletableFuture<Void>> done = new ArrayList<>(page.size());
                    for (StoredMessage m : page) {
                        done.add(writtenToAny(targets, delivery(m)).thenAcceptAsync(written -> {
                            if (written) {
                                store.offlineMessages().markDelivered(m.id());
                            }
                        }, database));
                    }
                    return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
                            .thenCompose(ignored -> deliverFrom(account, page.get(page.size() - 1)));
                });
    }

    private static CompletableFuture<Boolean> writtenToAny(List<Session> targets, Delivery delivery) {
        CompletableFuture<Boolean> any = CompletableFuture.completedFuture(false);
        for (Session s : targets) {
            any = any.thenCombine(s.deliverStored(delivery), Boolean::logicalOr);
        }
        return any;
    }

    private static Delivery delivery(StoredMessage m) {
        Content content = m.text() ? new Content.Text(new String(m.data(), StandardCharsets.UTF_8)) : new Content.Binary(m.data());
        Participant sender = participant(m.sender());
        return m.groupId() == null
                ? new Delivery.PrivateMessage(sender, content, m.sentAtMillis(), true)
                : new Delivery.GroupMessage(m.groupId(), sender, content, m.sentAtMillis());
    }

    /** Senders are stored as shown: {@code name}, or {@code name@host} for a user of another host. */
    private static Participant participant(String stored) {
        int at = stored.indexOf('@');
        return at < 0 ? Participant.local(stored) : new Participant(stored.substring(0, at), stored.substring(at + 1));
    }
}
