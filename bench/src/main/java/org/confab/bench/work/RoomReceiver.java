package org.confab.bench.work;

import java.util.BitSet;
import org.confab.bench.dm.DmClient;
import org.confab.bench.measure.Tally;

/**
 * One client's bookkeeping of the messages it should get: every one of its room's, once. It keeps
 * a bit per message of its room only, so that a long soak's bitmaps stay small.
 */
final class RoomReceiver implements DmClient.Receiver {

    private final RoomPlan plan;
    private final int room;
    private final Tally tally;
    private final BitSet seen;

    RoomReceiver(RoomPlan plan, int room, Tally tally) {
        this.plan = plan;
        this.room = room;
        this.tally = tally;
        this.seen = new BitSet((int) plan.messagesTo(room));
    }

    @Override
    public void payload(long id, long sentNanos, long nowNanos) {
        if (id < 0 || id >= plan.totalMessages() || plan.roomOfMessage(id) != room) {
            tally.stray();
            return;
        }
        int index = (int) plan.indexInRoom(id);
        if (seen.get(index)) {
            tally.duplicate();
        } else {
            seen.set(index);
            tally.delivered(nowNanos, nowNanos - sentNanos);
        }
    }
}
