package org.infomorph.compiler.rtl;

/**
 * The sizes a generated LLU array is built for (docs/llu-rtl.md); a network runs on it when its
 * layout ({@link RtlLayout}) needs no more. {@link #rounded()} rounds every size up to a power of
 * two, so that networks of similar size share one simulation build.
 *
 * @param layers     layers (CONFIG blocks)
 * @param entries    program entries (layer runs per sample)
 * @param features   words of the input buffer
 * @param neurons    neurons of the largest layer (spike buffer: layers x 2 banks x neurons)
 * @param out        words of the result buffer
 * @param laneWords  words of each lane's memory (weights, biases and PRNG states of its slots)
 * @param histWords  words of the histogram and table memories (learning builds; else 1)
 * @param rangeWords words of the range memory (learning builds; else 1)
 * @param sources    the most sources of a layer (2 or 3): sizes the table engine's scratch memories
 */
public record Capacity(int layers, int entries, int features, int neurons, int out, int laneWords, int histWords, int rangeWords,
                       int sources) {
    public static final int MIN = 16;
    /** Words a region can address (io_host_addr[19:0]). */
    public static final int MAX_WORDS = 1 << 20;

    public Capacity {
        for (int v : new int[] {layers, entries, features, neurons, out, laneWords, histWords, rangeWords})
            if (v < 1) throw new IllegalArgumentException("capacities must be >= 1, got " + v);
        if (sources < 2 || sources > 3) throw new IllegalArgumentException("sources must be 2 or 3, got " + sources);
    }

    /** CONFIG words: the global block, one block per layer, the program. */
    public int configWords() {
        return RtlContract.entryWord(layers, entries, 0);
    }

    /** The larger of the two, field by field. */
    public Capacity max(Capacity o) {
        return new Capacity(Math.max(layers, o.layers), Math.max(entries, o.entries), Math.max(features, o.features), Math.max(neurons, o.neurons),
                Math.max(out, o.out), Math.max(laneWords, o.laneWords), Math.max(histWords, o.histWords), Math.max(rangeWords, o.rangeWords),
                Math.max(sources, o.sources));
    }

    /** Every size rounded up to a power of two of at least {@link #MIN} (layers and entries too), sources kept. */
    public Capacity rounded() {
        return new Capacity(round(layers), round(entries), round(features), round(neurons), round(out), round(laneWords), round(histWords),
                round(rangeWords), sources);
    }

    /** The smallest power of two >= max(v, MIN). */
    public static int round(long v) {
        long p = MIN;
        while (p < v) p <<= 1;
        if (p > MAX_WORDS) throw new IllegalArgumentException(v + " words exceed the 2^20 words a region can address");
        return (int) p;
    }

    /** Address bits of a memory of {@code words} words (at least 1). */
    public static int bits(int words) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(words - 1));
    }
}
