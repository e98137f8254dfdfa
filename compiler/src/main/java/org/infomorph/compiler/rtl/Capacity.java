package org.infomorph.compiler.rtl;

/**
 * Memory capacities of a generated LLU array, in words (docs/llu-rtl.md). Every figure is a power
 * of two of at least {@link #MIN}, so networks of similar size share one build.
 *
 * @param layers   layers (program entries: 2 per layer)
 * @param features input buffer words
 * @param neurons  neurons of the largest layer
 * @param out      result buffer words
 * @param weights  per-unit WEIGHT and MASK words
 * @param biases   per-unit BIAS words
 * @param grads    per-unit GRAD words
 * @param slots    per-unit PRNG words
 * @param hist     per-unit COUNT, SOFTSUM and TABLE words
 * @param ranges   per-unit RANGE and MAXABS words
 * @param pass2    per-unit PASS2 words (1 unless SAME_BATCH)
 */
public record Capacity(int layers, int features, int neurons, int out, int weights, int biases, int grads, int slots, int hist, int ranges, int pass2) {
    public static final int MIN = 16;

    public Capacity {
        for (int v : new int[] {features, neurons, out, weights, biases, grads, slots, hist, ranges, pass2})
            if (v < 1 || Integer.bitCount(v) != 1) throw new IllegalArgumentException("capacities must be powers of two, got " + v);
        if (layers < 1) throw new IllegalArgumentException("layers must be >= 1");
    }

    /** The larger of the two, field by field (a floor shared by many networks gives them one build). */
    public Capacity max(Capacity o) {
        return new Capacity(Math.max(layers, o.layers), Math.max(features, o.features), Math.max(neurons, o.neurons), Math.max(out, o.out),
                Math.max(weights, o.weights), Math.max(biases, o.biases), Math.max(grads, o.grads), Math.max(slots, o.slots),
                Math.max(hist, o.hist), Math.max(ranges, o.ranges), Math.max(pass2, o.pass2));
    }

    /** The smallest power of two >= max(v, MIN). */
    public static int round(long v) {
        long p = MIN;
        while (p < v) p <<= 1;
        if (p > (1 << 20)) throw new IllegalArgumentException(v + " words exceed the 2^20 words a region can address");
        return (int) p;
    }

    /** Address bits of a region of {@code words} words. */
    public static int bits(int words) {
        return Math.max(1, Integer.numberOfTrailingZeros(words));
    }
}
