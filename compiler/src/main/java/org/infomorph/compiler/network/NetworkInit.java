package org.infomorph.compiler.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic initial weights and connection masks (design notes 1.1).
 *
 * <p>Each source's weights and biases follow PyTorch's {@code nn.Linear} default,
 * U(-1/sqrt(fan_in), +1/sqrt(fan_in)) with fan_in = the source size, and the weights are then
 * multiplied by the source's 0/1 mask (absent connections are exactly +0.0). A source with
 * {@code resetToMask} starts at the mask itself. Layers without bias get zero biases.
 *
 * <p>Random numbers come from {@link SplittableRandom}, one stream per (network seed, layer index,
 * source index), drawing the weights row-major and then the biases; the same seed gives the same
 * weights bit for bit, on any JVM. The numbers differ from PyTorch's (different generator).
 */
public final class NetworkInit {
    private NetworkInit() {}

    /** Initial weights for every layer of {@code spec}, in layer and source order. */
    public static TrainedNetwork initial(NetworkSpec spec, long seed) {
        List<LayerWeights> layers = new ArrayList<>();
        for (int li = 0; li < spec.layers().size(); li++) {
            LayerSpec layer = spec.layers().get(li);
            List<SourceWeights> sources = new ArrayList<>();
            for (int si = 0; si < layer.sources().size(); si++)
                sources.add(source(layer, layer.sources().get(si), new SplittableRandom(mix(seed, li, si))));
            layers.add(new LayerWeights(sources));
        }
        return new TrainedNetwork(spec, layers);
    }

    private static SourceWeights source(LayerSpec layer, SourceSpec s, SplittableRandom rng) {
        int n = layer.neurons();
        double bound = 1.0 / Math.sqrt(s.size());
        double[] mask = mask(s, n);
        double[] w = new double[n * s.size()];
        for (int k = 0; k < w.length; k++) {
            double u = uniform(rng, bound);
            w[k] = s.resetToMask() ? mask[k] : mask[k] == 0 ? 0.0 : u * mask[k];
        }
        double[] b = new double[n];
        for (int j = 0; j < n; j++) {
            double u = uniform(rng, bound);
            b[j] = layer.bias() ? u : 0.0;
        }
        return new SourceWeights(n, s.size(), w, b);
    }

    /** U[-bound, bound) from one draw. */
    private static double uniform(SplittableRandom rng, double bound) {
        return (2 * rng.nextDouble() - 1) * bound;
    }

    /**
     * The 0/1 mask of a source feeding {@code neurons} neurons, row-major [neurons][size].
     * dense: all 1; identity: I; no_self: 1 - I; sparse: each row has {@code partners} ones at
     * distinct columns drawn uniformly among the other neurons (partial Fisher-Yates), never on the
     * diagonal, deterministic from the mask's own seed.
     *
     * @throws IllegalArgumentException if a square mask is asked for a non-square source, or the
     *     sparse partner count is not in (0, size)
     */
    public static double[] mask(SourceSpec s, int neurons) {
        int size = s.size();
        MaskSpec m = s.mask();
        double[] out = new double[neurons * size];
        if (m.kind() == MaskKind.DENSE) {
            Arrays.fill(out, 1.0);
            return out;
        }
        if (size != neurons)
            throw new IllegalArgumentException("mask " + m.kind() + " needs size == neurons, got " + size + " and " + neurons);
        switch (m.kind()) {
            case IDENTITY -> {
                for (int j = 0; j < neurons; j++) out[j * size + j] = 1.0;
            }
            case NO_SELF -> {
                for (int j = 0; j < neurons; j++)
                    for (int k = 0; k < size; k++) out[j * size + k] = j == k ? 0.0 : 1.0;
            }
            case SPARSE -> {
                if (m.partners() <= 0 || m.partners() >= size)
                    throw new IllegalArgumentException("sparse mask needs 0 < partners < size, got " + m.partners() + " and " + size);
                SplittableRandom rng = new SplittableRandom(mix(m.seed(), 0x5_9A25E, 0));
                int[] others = new int[size - 1];
                for (int j = 0; j < neurons; j++) {
                    for (int k = 0, c = 0; k < size; k++) if (k != j) others[c++] = k;
                    for (int p = 0; p < m.partners(); p++) {
                        int pick = p + rng.nextInt(others.length - p);
                        int t = others[p];
                        others[p] = others[pick];
                        others[pick] = t;
                        out[j * size + others[p]] = 1.0;
                    }
                }
            }
            default -> throw new IllegalStateException(m.kind().toString());
        }
        return out;
    }

    /** SplitMix64-style mix of a seed with two indices, so nearby seeds give unrelated streams. */
    static long mix(long seed, long a, long b) {
        long z = seed;
        for (long v : new long[] {a, b}) {
            z += 0x9E3779B97F4A7C15L + v;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
        }
        return z;
    }
}
