package org.confab.bench.measure;

/** Whether a series of measurements over time goes up: its least-squares slope. */
public final class Trend {

    private Trend() {
    }

    /** The slope of the least-squares line through (x, y); NaN for fewer than two points or no spread in x. */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i] / n;
            meanY += y[i] / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            variance += (x[i] - meanX) * (x[i] - meanX);
        }
        return variance == 0 ? Double.NaN : covariance / variance;
    }
}
