package org.infomorph.distributed.eval;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of n values and the half-width of its two-sided 95% confidence interval, Student's t
 * with n - 1 degrees of freedom: t(0.975, n-1) · s / sqrt(n), s the sample standard deviation
 * (Commons Math). The half-width is NaN for n < 2; everything is NaN for n = 0. NaN values are left out.
 */
public record MeanCi(int n, double mean, double halfWidth) {
    public static final double LEVEL = 0.95;

    public static MeanCi of(double... values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) if (!Double.isNaN(v)) s.addValue(v);
        long n = s.getN();
        if (n == 0) return new MeanCi(0, Double.NaN, Double.NaN);
        if (n == 1) return new MeanCi(1, s.getMean(), Double.NaN);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
        return new MeanCi((int) n, s.getMean(), t * s.getStandardDeviation() / Math.sqrt(n));
    }

    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }

    /** {@code 85.12% ± 0.40} for fractions (or without the ± part for n < 2). */
    public String percent() {
        return Double.isNaN(halfWidth) ? String.format("%.2f%%", 100 * mean) : String.format("%.2f%% ± %.2f", 100 * mean, 100 * halfWidth);
    }
}
