package org.infomorph.compiler.data;

/**
 * One scalar mean and standard deviation for all features, as the reference implementation does:
 * every value {@code v} becomes {@code (v - mean) / std}.
 *
 * <p>{@link #fit} uses the train split only, with the unbiased ({@code n-1}) standard deviation,
 * and the same statistics are then applied to train and test.
 */
public record Standardisation(double mean, double std) {

    public Standardisation {
        if (!Double.isFinite(mean)) throw new IllegalArgumentException("mean=" + mean + " must be finite");
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("std=" + std + " must be finite and > 0 (are all values equal?)");
        }
    }

    /**
     * Mean and unbiased standard deviation of all values, by the two-pass algorithm with the
     * compensating term of Chan, Golub and LeVeque (1983), so the result is accurate to about
     * 1e-15 relative even for millions of values. Needs at least two values.
     */
    public static Standardisation fit(double[] values) {
        int n = values.length;
        if (n < 2) throw new IllegalArgumentException("need >= 2 values to fit a standardisation, got " + n);
        double sum = 0;
        for (double v : values) sum += v;
        double mean = sum / n;
        double squares = 0;
        double residual = 0;
        for (double v : values) {
            double d = v - mean;
            squares += d * d;
            residual += d;
        }
        // residual is 0 in exact arithmetic; subtracting its square removes the mean's rounding error.
        double variance = (squares - residual * residual / n) / (n - 1);
        return new Standardisation(mean, Math.sqrt(variance));
    }

    /** A new array with {@code (v - mean) / std} for each value. */
    public double[] apply(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (values[i] - mean) / std;
        return out;
    }

    /** Fits on {@code raw.train()} and applies the result to both splits. */
    public static DatasetSplit standardise(DatasetSplit raw) {
        Standardisation s = fit(raw.train().x());
        return new DatasetSplit(raw.name(), raw.train().standardised(s), raw.test().standardised(s));
    }
}
