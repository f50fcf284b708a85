package org.confab.bench.work;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.confab.bench.dm.DmClient;

/**
 * The DMconnect clients of a {@link RoomPlan}, each in its room and counting what it hears on a
 * {@link TallyBoard}; sender {@code j} is client {@code j}.
 */
final class RoomChat {

    private static final int SETUP_IN_FLIGHT = 64;
    /** Warm-up messages have ids from here on, far above any measured one. */
    private static final long WARM_UP_IDS = 1L << 40;

    private final RoomPlan plan;
    private final RoomPlan warmUp;
    private final List<DmClient.Account> accounts = new ArrayList<>();
    private final Crowd crowd;
    private List<DmClient> clients = List.of();

    RoomChat(RunContext context, RoomPlan plan, TallyBoard board) {
        this(context, plan, board, null, null);
    }

    /**
     * With an unmeasured warm-up before the measured messages: {@code warmUp}'s messages are
     * counted on {@code warmUpBoard}, apart.
     */
    RoomChat(RunContext context, RoomPlan plan, TallyBoard board, RoomPlan warmUp, TallyBoard warmUpBoard) {
        this.plan = plan;
        this.warmUp = warmUp;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < plan.clients(); i++) {
            // One room: the default room every server has; many: each client creates its room if needed.
            String room = plan.rooms() == 1 ? "general" : "b" + context.tag() + "r" + plan.roomOf(i);
            accounts.add(new DmClient.Account("b" + context.tag() + "u" + i, "pw" + context.tag(), true, room, plan.rooms() > 1));
            index.put(accounts.get(i).name(), i);
        }
        this.crowd = new Crowd(context, client -> {
            int i = index.get(client.account().name());
            RoomReceiver measured = new RoomReceiver(plan, plan.roomOf(i), board.forClient(i));
            if (warmUp == null) {
                client.receiver(measured);
                return;
            }
            RoomReceiver warming = new RoomReceiver(warmUp, plan.roomOf(i), warmUpBoard.forClient(i));
            client.receiver((id, sent, now) -> {
                if (id >= WARM_UP_IDS) {
                    warming.payload(id - WARM_UP_IDS, sent, now);
                } else {
                    measured.payload(id, sent, now);
                }
            });
        });
    }

    /** @return whether every client got ready */
    boolean connect() throws InterruptedException {
        clients = crowd.connect(accounts, SETUP_IN_FLIGHT);
        return crowd.ready() == plan.clients();
    }

    Crowd crowd() {
        return crowd;
    }

    /** Not started; {@code intervalNanos} 0 floods. */
    List<Sender> senders(long intervalNanos) {
        return senders(plan, 0, intervalNanos);
    }

    /** The warm-up's senders, likewise; only when constructed with a warm-up. */
    List<Sender> warmUpSenders(long intervalNanos) {
        return senders(warmUp, WARM_UP_IDS, intervalNanos);
    }

    private List<Sender> senders(RoomPlan phase, long firstId, long intervalNanos) {
        List<Sender> senders = new ArrayList<>();
        for (int j = 0; j < phase.senders(); j++) {
            senders.add(new Sender(Outlet.room(clients.get(j)), firstId + (long) j * phase.messages(), phase.messages(), intervalNanos));
        }
        return senders;
    }
}
