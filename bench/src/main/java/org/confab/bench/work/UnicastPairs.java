package org.confab.bench.work;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.confab.bench.dm.Payload;
import org.confab.bench.measure.Tally;
import org.confab.bench.vcom.VcomClient;
import org.confab.binary.UnicastMessage;

/**
 * vCom pairs over TLS: client {@code 2k} and {@code 2k+1} send each other {@code messages}
 * private messages (266, received as 264), client {@code i}'s with ids from
 * {@code firstId + i * messages}; each client counts what it hears on a {@link TallyBoard}.
 */
final class UnicastPairs {

    private final int messages;
    private final long firstId;
    private final List<String> names = new ArrayList<>();
    private final VcomCrowd crowd;
    private final String password;
    private List<VcomClient> clients = List.of();

    UnicastPairs(RunContext context, int pairs, int messages, long firstId, TallyBoard board) {
        this.messages = messages;
        this.firstId = firstId;
        this.password = "pw" + context.tag();
        List<BitSet> seen = new ArrayList<>();
        for (int i = 0; i < 2 * pairs; i++) {
            seen.add(new BitSet(messages));
            names.add("b" + context.tag() + "v" + i);
        }
        this.crowd = new VcomCrowd(context, (i, from, packet) -> {
            if (packet instanceof UnicastMessage m) {
                byte[] data = m.data();
                long now = System.nanoTime();
                // One per packet: this runs on every generator loop at once, and a shared array let one
                // loop record the other's message id, counted as a stray while its own went missing.
                long[] parsed = new long[2];
                if (Payload.parse(ByteBuffer.wrap(data), 0, data.length, parsed)) {
                    record(board.forClient(i), seen.get(i), partner(i), parsed[0], now - parsed[1], now);
                }
            }
        });
    }

    /** @return whether every client got ready */
    boolean connect() throws InterruptedException {
        clients = crowd.connect(names, password);
        return crowd.ready() == names.size();
    }

    VcomCrowd crowd() {
        return crowd;
    }

    int clients() {
        return names.size();
    }

    /** Every client gets every message its partner sends. */
    long expectedDeliveries() {
        return (long) names.size() * messages;
    }

    /** Not started; {@code intervalNanos} 0 floods. */
    List<Sender> senders(long intervalNanos) {
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            senders.add(new Sender(Outlet.unicast(clients.get(i), names.get(partner(i))), firstId + (long) i * messages,
                    messages, intervalNanos));
        }
        return senders;
    }

    private static int partner(int client) {
        return client ^ 1;
    }

    private void record(Tally tally, BitSet seen, int from, long id, long latencyNanos, long now) {
        long k = id - firstId - (long) from * messages;
        if (k < 0 || k >= messages) {
            tally.stray();
        } else if (seen.get((int) k)) {
            tally.duplicate();
        } else {
            seen.set((int) k);
            tally.delivered(now, latencyNanos);
        }
    }
}
