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

    private final RoomPlan plan;
    private final List<DmClient.Account> accounts = new ArrayList<>();
    private final Crowd crowd;
    private List<DmClient> clients = List.of();

    RoomChat(RunContext context, RoomPlan plan, TallyBoard board) {
        this.plan = plan;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < plan.clients(); i++) {
            // One room: the default room every server has; many: each client creates its room if needed.
            String room = plan.rooms() == 1 ? "general" : "b" + context.tag() + "r" + plan.roomOf(i);
            accounts.add(new DmClient.Account("b" + context.tag() + "u" + i, "pw" + context.tag(), true, room, plan.rooms() > 1));
            index.put(accounts.get(i).name(), i);
        }
        this.crowd = new Crowd(context, client -> {
            int i = index.get(client.account().name());
            client.receiver(new RoomReceiver(plan, plan.roomOf(i), board.forClient(i)));
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
        List<Sender> senders = new ArrayList<>();
        for (int j = 0; j < plan.senders(); j++) {
            senders.add(new Sender(Outlet.room(clients.get(j)), (long) j * plan.messages(), plan.messages(), intervalNanos));
        }
        return senders;
    }
}
