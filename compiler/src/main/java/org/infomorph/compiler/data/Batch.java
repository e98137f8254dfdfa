package org.infomorph.compiler.data;

/**
 * Samples gathered into contiguous arrays: {@code x} is row-major {@code [size][features]},
 * {@code y[b]} is the label of row {@code b}.
 */
public record Batch(int features, double[] x, int[] y) {

    public Batch {
        if ((long) y.length * features != x.length) {
            throw new IllegalArgumentException("x.length=" + x.length + " must be y.length=" + y.length
                    + " times features=" + features);
        }
    }

    /** Number of samples in the batch. */
    public int size() {
        return y.length;
    }
}
