package org.infomorph.compiler.data;

import java.util.Arrays;

/**
 * The samples of one split, already preprocessed.
 *
 * <p>{@code x} is row-major {@code [size][features]}: sample {@code i} occupies
 * {@code x[i*features .. (i+1)*features)}, and its label is {@code y[i]} in {@code [0, classes)}.
 *
 * <p>The arrays are not copied (a Fashion-MNIST train split is 376 MB of doubles): the record owns
 * them and nobody may write to them. Use {@link #row(int)} or {@link Batches#gather} for copies.
 */
public record Dataset(String name, int features, int classes, double[] x, int[] y) {

    public Dataset {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("name must not be empty");
        if (features <= 0) throw new IllegalArgumentException("features=" + features + " must be > 0");
        if (classes <= 0) throw new IllegalArgumentException("classes=" + classes + " must be > 0");
        if ((long) y.length * features != x.length) {
            throw new IllegalArgumentException("x.length=" + x.length + " must be y.length=" + y.length
                    + " times features=" + features);
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("y[" + i + "]=" + y[i] + " must be in [0, " + classes + ")");
            }
        }
    }

    /** Number of samples. */
    public int size() {
        return y.length;
    }

    /** A copy of sample {@code i}'s features. */
    public double[] row(int i) {
        return Arrays.copyOfRange(x, i * features, (i + 1) * features);
    }

    /** Label of sample {@code i}. */
    public int label(int i) {
        return y[i];
    }

    /** How many samples carry each label; index = class. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int label : y) counts[label]++;
        return counts;
    }

    /** Same samples with every feature replaced by {@code (v - mean) / std} (a new array). */
    public Dataset standardised(Standardisation s) {
        return new Dataset(name, features, classes, s.apply(x), y);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + size() + " x " + features + ", " + classes + " classes]";
    }
}
