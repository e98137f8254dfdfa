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
        return org.infomorph.compiler.arch.Prng.neuronSeed(imageSeed, layer, neuron);
    }
}
