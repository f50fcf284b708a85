package org.confab.bench.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.confab.bench.measure.Latency;
import org.junit.jupiter.api.Test;

class TallyBoardTest {

    @Test
    void anIncompleteRunSaysHowManyWereStraysOrDuplicates() {
        List<String> warnings = new ArrayList<>(List.of("machine: busy"));
        new TallyBoard.Totals(78, 1, 2, 0, Latency.newHistogram()).warnIfIncomplete(80, warnings);
        // First, so that a test's assertion on the warnings shows it.
        assertThat(warnings).containsExactly("incomplete: 78 of 80 deliveries arrived (2 stray, 1 duplicate)", "machine: busy");
    }

    @Test
    void aCompleteRunAddsNoWarning() {
        List<String> warnings = new ArrayList<>();
        new TallyBoard.Totals(80, 3, 0, 0, Latency.newHistogram()).warnIfIncomplete(80, warnings);
        assertThat(warnings).isEmpty();
    }
}
