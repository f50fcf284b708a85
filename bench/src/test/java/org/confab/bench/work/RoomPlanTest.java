package org.confab.bench.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void rejectsImpossiblePlans() {
        assertThatThrownBy(() -> new RoomPlan(5, 6, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomPlan(5, 1, 6, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
