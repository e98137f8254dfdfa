package org.infomorph.runtime.reference;

/**
 * Marsaglia's xorshift32, one 32-bit state per neuron, seeded as the {@code Prng} javadoc says:
 * the low 32 bits of the SplitMix64 finaliser of {@code imageSeed + 0x9E3779B97F4A7C15 * (1 + (layer << 20) + neuron)},
 * 0 replaced by 0x6D2B79F5. A draw advances the state and returns the new state.
 */
public final class Xorshift32 {
    private Xorshift32() {}

    public static int next(int x) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return x;
    }

    public static int seed(long imageSeed, int layer, int neuron) {
        long z = imageSeed + 0x9E3779B97F4A7C15L * (1 + ((long) layer << 20) + neuron);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        int s = (int) z;
        return s == 0 ? 0x6D2B79F5 : s;
    }
}
