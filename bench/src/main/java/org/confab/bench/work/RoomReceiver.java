package org.confab.bench.work;

import java.util.BitSet;
import org.confab.bench.dm.DmClient;
import org.confab.bench.measure.Tally;

/** One client's bookkeeping of the messages it should get: every one of its room's, once. */
final class RoomReceiver implements DmClient.Receiver {

    private final RoomPlan plan;
    private final int room;
    private final Tally tally;
    private final BitSet seen;

    RoomReceiver(RoomPlan plan, int room, Tally tally) {
        this.plan = plan;
        this.room = room;
        this.tally = tally;
        this.seen = new BitSet((int) plan.totalMessages());
    }

    @Override
    public void payload(long id, long sentNanos, long nowNanos) {
        if (id < 0 || id >= plan.totalMessages() || plan.roomOfMessage(id) != room) {
            tally.stray();
        } else if (seen.get((int) id)) {
            tally.duplicate();
        } else {
            seen.set((int) id);
            tally.delivered(nowNanos, nowNanos - sentNanos);
        }
    }
}
