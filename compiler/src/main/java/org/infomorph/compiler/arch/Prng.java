package org.infomorph.compiler.arch;

/**
 * The pseudo-random generator of every neuron: Marsaglia's xorshift32 (x ^= x << 13;
 * x ^= x >>> 17; x ^= x << 5), one 32-bit state per neuron. The state of neuron j of layer l is
 * the low 32 bits of splitmix64(imageSeed + 0x9E3779B97F4A7C15 * (1 + (l << 20) + j)), with 0
 * replaced by 0x6D2B79F5 (xorshift32 must not start at 0). Draw order: docs/llu-rule.md.
 */
public record Prng(String algorithm, int bits) {
    public static final String XORSHIFT32 = "xorshift32";

    public static Prng defaults() {
        return new Prng(XORSHIFT32, 32);
    }

    /** The initial state of neuron {@code neuron} of layer {@code layer} (see the class comment). */
    public static int neuronSeed(long imageSeed, int layer, int neuron) {
        long z = imageSeed + 0x9E3779B97F4A7C15L * (1 + ((long) layer << 20) + neuron);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        int s = (int) z;
        return s == 0 ? 0x6D2B79F5 : s;
    }
}
