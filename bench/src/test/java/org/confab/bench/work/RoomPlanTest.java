package org.confab.bench.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomPlanTest {

    @Test
    void oneRoomEveryoneHearsEverySender() {
        RoomPlan plan = new RoomPlan(100, 1, 10, 2000, 0);
        assertThat(plan.expectedDeliveries()).isEqualTo(100L * 10 * 2000);
        assertThat(plan.flood()).isTrue();
    }

    @Test
    void sendersSpreadOverRoomsAndOnlyTheirRoomHearsThem() {
        RoomPlan plan = new RoomPlan(7, 3, 3, 10, 50);
        // Rooms hold clients {0,3,6}, {1,4}, {2,5}.
        assertThat(plan.membersOf(0)).isEqualTo(3);
        assertThat(plan.membersOf(1)).isEqualTo(2);
        assertThat(plan.expectedDeliveries()).isEqualTo(10L * (3 + 2 + 2));
        assertThat(plan.roomOfMessage(15)).isEqualTo(1);
        assertThat(plan.flood()).isFalse();
    }

    @Test
    void eachRoomNumbersItsOwnMessagesWithoutGaps() {
        // Senders 0..6 over 3 rooms: room 0 hears senders 0, 3, 6; room 1 hears 1, 4; room 2 hears 2, 5.
        RoomPlan plan = new RoomPlan(10, 3, 7, 10, 0);
        assertThat(plan.messagesTo(0)).isEqualTo(30);
        assertThat(plan.messagesTo(1)).isEqualTo(20);
        assertThat(plan.messagesTo(2)).isEqualTo(20);
        Set<Long> room0 = new HashSet<>();
        for (long id = 0; id < plan.totalMessages(); id++) {
            if (plan.roomOfMessage(id) == 0) {
                room0.add(plan.indexInRoom(id));
            }
        }
        assertThat(room0).hasSize(30).allMatch(i -> i >= 0 && i < 30);
        assertThat(plan.indexInRoom(64)).isEqualTo(24);
    }

    @Test
    void rejectsImpossiblePlans() {
        assertThatThrownBy(() -> new RoomPlan(5, 6, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomPlan(5, 1, 6, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
