package org.confab.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrendTest {

    @Test
    void slopeOfAStraightLineIsItsGradient() {
        assertThat(Trend.slope(new double[] {0, 1, 2, 3}, new double[] {10, 12, 14, 16})).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void noisySamplesGiveTheLeastSquaresSlope() {
        assertThat(Trend.slope(new double[] {0, 1, 2, 3, 4}, new double[] {100, 90, 110, 90, 110})).isCloseTo(2.0, within(1e-9));
        assertThat(Trend.slope(new double[] {0, 1, 2, 3}, new double[] {5, 7, 7, 5})).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void noSlopeWithoutTwoPointsApart() {
        assertThat(Trend.slope(new double[] {1}, new double[] {3})).isNaN();
        assertThat(Trend.slope(new double[] {2, 2}, new double[] {3, 5})).isNaN();
    }
}
