package org.infomorph.compiler.image;

import org.infomorph.compiler.arch.Prng;
import org.infomorph.compiler.mapping.Mapping;

/**
 * What each unit's lane of an initialised array holds, word by word: for every layer in order,
 * for every slot s of the unit (neuron j = s * units + unit; a slot past the layer's last neuron
 * holds zeros), per source in order: weights w[j][0..size-1] (array "weights"), or the bias
 * (array "biases"); or one PRNG state per slot (array "prng").
 */
public final class LaneContents {
    private LaneContents() {}

    public static long[] weights(Image image, Mapping m, int unit) {
        return lane(image, m, unit, true);
    }

    public static long[] biases(Image image, Mapping m, int unit) {
        return lane(image, m, unit, false);
    }

    /** Receives one word of a lane: its index in the lane, the source array, and the index in that array. */
    private interface WordVisitor {
        void visit(int at, int[] array, int index);
    }

    /**
     * Walks a unit's lane in layout order (layers, slots, sources, then the source's words),
     * calling {@code visitor} for every word that belongs to a real neuron; returns the lane length.
     */
    private static int walk(Image image, Mapping m, int unit, boolean weights, WordVisitor visitor) {
        int at = 0;
        for (int l = 0; l < image.layers().size(); l++) {
            ImageLayer layer = image.layers().get(l);
            int neurons = layer.sources().get(0).neurons();
            for (int slot = 0; slot < m.slots().get(l); slot++) {
                int j = slot * m.units() + unit;
                for (ImageSource s : layer.sources()) {
                    int len = weights ? s.size() : 1;
                    if (j < neurons) for (int i = 0; i < len; i++) visitor.visit(at + i, weights ? s.w() : s.b(), weights ? j * s.size() + i : j);
                    at += len;
                }
            }
        }
        return at;
    }

    private static long[] lane(Image image, Mapping m, int unit, boolean weights) {
        long[] out = new long[walk(image, m, unit, weights, (at, a, i) -> {})];
        walk(image, m, unit, weights, (at, a, i) -> out[at] = a[i]);
        return out;
    }

    public static long[] prng(Image image, Mapping m, int unit) {
        long words = 0;
        for (int l = 0; l < image.layers().size(); l++) words += m.slots().get(l);
        long[] out = new long[Math.toIntExact(words)];
        int at = 0;
        for (int l = 0; l < image.layers().size(); l++) {
            int neurons = image.layers().get(l).sources().get(0).neurons();
            for (int slot = 0; slot < m.slots().get(l); slot++, at++) {
                int j = slot * m.units() + unit;
                if (j < neurons) out[at] = Prng.neuronSeed(image.seed(), l, j) & 0xFFFFFFFFL;
            }
        }
        return out;
    }

    /** Writes a decoded weights lane back into the image's arrays (the inverse of {@link #weights}). */
    static void putWeights(long[] lane, int bits, Image image, Mapping m, int unit) {
        put(lane, bits, image, m, unit, true);
    }

    static void putBiases(long[] lane, int bits, Image image, Mapping m, int unit) {
        put(lane, bits, image, m, unit, false);
    }

    private static void put(long[] lane, int bits, Image image, Mapping m, int unit, boolean weights) {
        walk(image, m, unit, weights, (at, a, i) -> a[i] = signExtend(lane[at], bits));
    }

    static int signExtend(long v, int bits) {
        return (int) ((v << (64 - bits)) >> (64 - bits));
    }
}
