package org.infomorph.compiler.image;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.SourceSpec;
import org.infomorph.compiler.network.SourceWeights;
import org.infomorph.compiler.network.TrainedNetwork;

/**
 * The start of on-chip learning: the L0 initial weights ({@link NetworkInit#initial}) quantised to
 * an {@link Image}.
 *
 * <p>Per source, {@code weightFrac = weightBits - 1 - ceil(log2(1/sqrt(fan_in))) - weightHeadroomBits}
 * (the init bound with headroom); a fixed ({@code resetToMask}) source gets
 * {@code weightFrac = weightBits - 2}, so that 1.0 is representable. Weights and biases are rounded
 * stochastically (x*2^frac + U[0,1), floored; a {@link SplittableRandom} from the seed), since with
 * few weight bits most initial weights would otherwise round to 0; then saturated.
 */
public final class ImageFactory {
    private ImageFactory() {}

    public static Image fromScratch(NetworkSpec spec, ArchConfig arch, long seed) {
        TrainedNetwork init = NetworkInit.initial(spec, seed);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x1A2B3C4D5E6F7788L);
        Numerics n = arch.numerics();
        List<ImageLayer> layers = new ArrayList<>();
        for (int li = 0; li < spec.layers().size(); li++) {
            LayerSpec layer = spec.layers().get(li);
            List<ImageSource> sources = new ArrayList<>();
            for (int si = 0; si < layer.sources().size(); si++) {
                SourceSpec s = layer.sources().get(si);
                SourceWeights sw = init.layers().get(li).sources().get(si);
                int frac = s.resetToMask() ? n.weightBits() - 2 : weightFrac(arch, s.size());
                double[] mask = NetworkInit.mask(s, layer.neurons());
                int[] w = new int[sw.w().length], m = new int[mask.length], b = new int[sw.b().length];
                Field wf = n.weight(frac), bf = n.bias(frac);
                for (int i = 0; i < w.length; i++) {
                    m[i] = mask[i] != 0 ? 1 : 0;
                    w[i] = s.resetToMask() ? (m[i] << frac) : m[i] == 0 ? 0 : stochastic(sw.w()[i], wf, rng);
                }
                for (int j = 0; j < b.length; j++) b[j] = stochastic(sw.b()[j], bf, rng);
                sources.add(new ImageSource(layer.neurons(), s.size(), frac, w, b, m, s.resetToMask()));
            }
            layers.add(new ImageLayer(layer.name(), sources));
        }
        return new Image(spec, arch, layers, seed);
    }

    /** {@code weightBits - 1 - ceil(log2(1/sqrt(fanIn))) - weightHeadroomBits}. */
    public static int weightFrac(ArchConfig arch, int fanIn) {
        Numerics n = arch.numerics();
        int ceilLog2Bound = (int) Math.ceil(Math.log(1.0 / Math.sqrt(fanIn)) / Math.log(2) - 1e-12);
        return n.weightBits() - 1 - ceilLog2Bound - n.weightHeadroomBits();
    }

    private static int stochastic(double x, Field f, SplittableRandom rng) {
        long q = (long) Math.floor(Math.scalb(x, f.frac()) + rng.nextDouble());
        return (int) Math.max(f.min(), Math.min(f.max(), q));
    }
}
