package org.infomorph.compiler.fixed;

import org.infomorph.compiler.arch.Prng;

/**
 * Marsaglia's xorshift32, one 32-bit state per neuron, seeded as {@link Prng#neuronSeed} says.
 * A draw advances the state and returns the new state.
 */
public final class Xorshift32 {
    private Xorshift32() {}

    /** {@code x ^= x << 13; x ^= x >>> 17; x ^= x << 5}, all in 32 bits. */
    public static int next(int x) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return x;
    }

    public static int seed(long imageSeed, int layer, int neuron) {
        return Prng.neuronSeed(imageSeed, layer, neuron);
    }
}
