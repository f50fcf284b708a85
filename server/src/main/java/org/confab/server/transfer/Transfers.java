package org.confab.server.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.confab.binary.AbortReason;
import org.confab.server.contacts.Contacts;
import org.confab.server.delivery.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File transfers relayed between two connected parties, never stored: the offer, the answer,
 * the chunks and the end, with the limits and abort reasons of the vCom spec. The relay holds at
 * most a window of bytes for a receiver: past it the sender's reading is held until the receiver
 * has taken half of them.
 *
 * <p>A party's packets may arrive on any thread; each transfer's state changes under its own
 * lock. A sender is released only outside every lock, because releasing lets it go on reading,
 * which may come back here.
 */
public final class Transfers {

    private static final Logger log = LoggerFactory.getLogger(Transfers.class);
    private static final int VIOLATION = AbortReason.PROTOCOL_VIOLATION.code();

    private final Contacts contacts;
    private final TransferLimits limits;
    private final Map<Integer, Transfer> byId = new ConcurrentHashMap<>();
    private int lastId;

    public Transfers(Contacts contacts, TransferLimits limits) {
        this.contacts = contacts;
        this.limits = limits;
    }

    /**
     * A party asks to send a file to {@code to}, the recipient's connection (null when it has
     * none). The sender is answered with {@link Party#started} or {@link Party#refused}.
     */
    public void request(Party from, Party to, int size, String fileName) {
        AbortReason refusal = refusal(from, to, size);
        Transfer transfer = null;
        if (refusal == null) {
            synchronized (this) {
                if (byId.size() >= limits.maxTotal() || inProgress(from) >= limits.maxPerAccount()) {
                    refusal = AbortReason.TOO_MANY_TRANSFERS;
                } else {
                    transfer = new Transfer(nextId(), from, to, size, fileName);
                    byId.put(transfer.id(), transfer);
                }
            }
        }
        if (transfer == null) {
            log.info("File refused ({}): {} to {}, {} bytes", refusal, from.account().name(),
                    to == null ? "-" : to.account().name(), size);
            from.refused(refusal);
            return;
        }
        log.info("File offered: {}", transfer);
        from.started(transfer);
        to.offered(transfer);
    }

    public void accept(Party from, int transferId) {
        step(from, transferId, t -> {
            if (from != t.receiver() || t.state != Transfer.State.OFFERED) {
                return After.violation("an accept it may not send now");
            }
            synchronized (this) {
                if (inProgress(from) < limits.maxPerAccount()) {
                    t.state = Transfer.State.ACCEPTED;
                    t.sender().accepted(transferId);
                    return After.NOTHING;
                }
            }
            After after = end(t);
            t.sender().aborted(transferId, AbortReason.TOO_MANY_TRANSFERS.code());
            t.receiver().aborted(transferId, AbortReason.TOO_MANY_TRANSFERS.code());
            log.info("File refused on accept ({}): {}", AbortReason.TOO_MANY_TRANSFERS, t);
            return after;
        });
    }

    public void chunk(Party from, int transferId, byte[] data) {
        step(from, transferId, t -> {
            String problem = chunkProblem(from, t, data.length);
            if (problem != null) {
                return After.violation(problem);
            }
            t.relayed += data.length;
            t.receiver().chunk(transferId, data);
            if (t.holding || t.receiver().backlog() <= limits.windowBytes()) {
                return After.NOTHING;
            }
            t.holding = true;
            t.sender().hold(t);
            return After.HELD;
        });
    }

    private String chunkProblem(Party from, Transfer t, int length) {
        if (from != t.sender()) {
            return "a chunk from its receiver";
        } else if (t.state != Transfer.State.ACCEPTED) {
            return "a chunk before the receiver accepted";
        } else if (length > limits.maxChunkBytes()) {
            return "a chunk of " + length + " bytes, over " + limits.maxChunkBytes();
        } else if (t.relayed + length > t.size()) {
            return "more bytes than the " + t.size() + " declared";
        }
        return null;
    }

    public void complete(Party from, int transferId) {
        step(from, transferId, t -> {
            if (from != t.sender() || t.state != Transfer.State.ACCEPTED || t.relayed != t.size()) {
                return After.violation("an end it may not send now (" + t.relayed + " of " + t.size() + " bytes relayed)");
            }
            After after = end(t);
            t.receiver().completed(transferId);
            log.info("File completed: {}", t);
            return after;
        });
    }

    /** A party gives up on a transfer; the other party hears it with the same reason. */
    public void abort(Party from, int transferId, int reason) {
        step(from, transferId, t -> {
            After after = end(t);
            t.other(from).aborted(transferId, reason);
            log.info("File aborted by {} ({}): {}", from.account().name(), reason, t);
            return after;
        });
    }

    /** A party's connection is gone: the other end of each of its transfers is told. */
    public void dropped(Party party) {
        for (Transfer t : byId.values()) {
            if (!t.involves(party)) {
                continue;
            }
            After after;
            synchronized (t) {
                if (t.state == Transfer.State.ENDED) {
                    continue;
                }
                after = end(t);
                t.other(party).aborted(t.id(), AbortReason.CONNECTION_DROPPED.code());
            }
            log.info("File aborted, {} dropped: {}", party.account().name(), t);
            after.run(this, t);
        }
    }

    /**
     * The receiver has taken most of what waited for it: its senders may read on. The report may
     * come late, after a sender was released and held again, so the backlog is looked at again.
     */
    public void drained(Party receiver) {
        List<Transfer> released = new ArrayList<>();
        boolean stillFull = false;
        for (Transfer t : byId.values()) {
            if (t.receiver() == receiver) {
                synchronized (t) {
                    if (t.holding && receiver.backlog() <= limits.windowBytes() / 2) {
                        t.holding = false;
                        released.add(t);
                    } else if (t.holding) {
                        stillFull = true;
                    }
                }
            }
        }
        released.forEach(t -> t.sender().release(t));
        if (stillFull) {
            watch(receiver);
        }
    }

    /** Asks to hear when the receiver has drained; it may have before the request took effect. */
    private void watch(Party receiver) {
        receiver.watchDrain();
        if (receiver.backlog() <= limits.windowBytes() / 2) {
            drained(receiver);
        }
    }

    /** Transfers in progress, for operators and tests. */
    public int count() {
        return byId.size();
    }

    private AbortReason refusal(Party from, Party to, int size) {
        if (to == null || to.account().id() == from.account().id()
                || contacts.blocks(to.account(), Participant.local(from.account().name()))) {
            // Blocked looks the same as offline, so that a block is never revealed.
            return AbortReason.RECIPIENT_UNAVAILABLE;
        }
        if (size < 0) {
            return AbortReason.PROTOCOL_VIOLATION;
        }
        return size > limits.maxFileBytes() ? AbortReason.SIZE_OVER_LIMIT : null;
    }

    /**
     * What is left to do once a step under a transfer's lock is done: releasing a sender lets it
     * read on, which may come back here, so it never happens under a lock.
     */
    private record After(String violation, boolean release, boolean held) {
        static final After NOTHING = new After(null, false, false);
        static final After RELEASE = new After(null, true, false);
        static final After HELD = new After(null, false, true);

        static After violation(String what) {
            return new After(what, false, false);
        }

        void run(Transfers transfers, Transfer t) {
            if (violation != null) {
                transfers.violated(t, violation);
            } else if (release) {
                t.sender().release(t);
            } else if (held) {
                transfers.watch(t.receiver());
            }
        }
    }

    /**
     * Runs a party's step under the transfer's lock if the party takes part in it and it is not
     * over; otherwise the party alone hears reason 4.
     */
    private void step(Party from, int transferId, Function<Transfer, After> step) {
        Transfer t = byId.get(transferId);
        if (t == null || !t.involves(from)) {
            from.aborted(transferId, VIOLATION);
            return;
        }
        After after;
        synchronized (t) {
            if (t.state == Transfer.State.ENDED) {
                from.aborted(transferId, VIOLATION);
                return;
            }
            after = step.apply(t);
        }
        after.run(this, t);
    }

    /** A party broke the flow of its own transfer: both ends hear reason 4. */
    private void violated(Transfer t, String what) {
        After after;
        synchronized (t) {
            if (t.state == Transfer.State.ENDED) {
                return;
            }
            after = end(t);
            t.sender().aborted(t.id(), VIOLATION);
            t.receiver().aborted(t.id(), VIOLATION);
        }
        log.info("File aborted, protocol violation ({}): {}", what, t);
        after.run(this, t);
    }

    /** Under the transfer's lock. */
    private After end(Transfer t) {
        t.state = Transfer.State.ENDED;
        byId.remove(t.id(), t);
        boolean holding = t.holding;
        t.holding = false;
        return holding ? After.RELEASE : After.NOTHING;
    }

    /**
     * The transfers that count against a party's account: all it sends, but only those it has
     * accepted of the ones it receives, so that offers nobody answered cannot use up a
     * recipient's share. Under this object's lock, which every acceptance takes.
     */
    private int inProgress(Party party) {
        long account = party.account().id();
        return (int) byId.values().stream()
                .filter(t -> t.sender().account().id() == account
                        || t.receiver().account().id() == account && t.state == Transfer.State.ACCEPTED)
                .count();
    }

    /** Positive, and not in use: a transfer id means one transfer while it lasts. */
    private int nextId() {
        do {
            lastId = lastId == Integer.MAX_VALUE ? 1 : lastId + 1;
        } while (byId.containsKey(lastId));
        return lastId;
    }
}
