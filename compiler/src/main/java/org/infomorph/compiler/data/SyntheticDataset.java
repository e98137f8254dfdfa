package org.infomorph.compiler.data;

import java.util.SplittableRandom;

/**
 * A small generated data set for fast tests: 10 classes of 8x8 "images", 2,000 train and 500
 * test samples, computed from a seed alone (no network, no disk).
 *
 * <p>Each class has a prototype whose 64 pixels are 1 with probability 0.3, else 0. A sample is its
 * class prototype plus independent Gaussian noise of standard deviation {@link #NOISE}. Labels
 * cycle 0, 1, ..., 9, 0, ... so every class has 200 train and 50 test samples. Preprocessing is
 * the scalar standardisation of the other data sets. Nearest-prototype (a linear rule) classifies
 * well over 90% of the test set correctly.
 */
public final class SyntheticDataset {
    public static final int SIDE = 8;
    public static final int FEATURES = SIDE * SIDE;
    public static final int CLASSES = 10;
    public static final int TRAIN_SIZE = 2_000;
    public static final int TEST_SIZE = 500;
    /** Standard deviation of the per-pixel noise, in raw pixel units (prototype pixels are 0 or 1). */
    public static final double NOISE = 0.6;
    /** Seed used by {@link Datasets#load} so every run sees the same samples. */
    public static final long DEFAULT_SEED = 20_240_601L;

    private SyntheticDataset() {}

    /** The standardised split for {@code seed}; equal seeds give equal data. */
    public static DatasetSplit generate(long seed) {
        return Standardisation.standardise(generateRaw(seed));
    }

    /** The split before standardisation. */
    public static DatasetSplit generateRaw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] prototypes = prototypes(random.split());
        String name = DatasetName.SYNTHETIC.id();
        return new DatasetSplit(name,
                samples(name + "/train", TRAIN_SIZE, prototypes, random.split()),
                samples(name + "/test", TEST_SIZE, prototypes, random.split()));
    }

    /** The noise-free class patterns, {@code [class][feature]}, for {@code seed} (as used by {@link #generate}). */
    public static double[][] prototypes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return prototypes(random.split());
    }

    private static double[][] prototypes(SplittableRandom random) {
        double[][] prototypes = new double[CLASSES][FEATURES];
        for (double[] p : prototypes) {
            for (int k = 0; k < FEATURES; k++) p[k] = random.nextDouble() < 0.3 ? 1.0 : 0.0;
        }
        return prototypes;
    }

    private static Dataset samples(String name, int n, double[][] prototypes, SplittableRandom random) {
        double[] x = new double[n * FEATURES];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % CLASSES;
            for (int k = 0; k < FEATURES; k++) x[i * FEATURES + k] = prototypes[y[i]][k] + NOISE * gaussian(random);
        }
        return new Dataset(name, FEATURES, CLASSES, x, y);
    }

    /** Standard normal by the Box-Muller transform (SplittableRandom has no nextGaussian in Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // in (0, 1], so log(u) is finite
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
