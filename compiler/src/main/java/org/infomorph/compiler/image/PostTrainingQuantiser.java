package org.infomorph.compiler.image;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.SourceSpec;
import org.infomorph.compiler.network.SourceWeights;
import org.infomorph.compiler.network.TrainedNetwork;

/**
 * Maps a float-trained network (L0/L1) to the integers of an image. Each source tensor gets a
 * power-of-two scale (weightFrac) so that its largest weight fits; values round half up and
 * saturate. Fixed sources (the identity label context) keep exactly 1.0 on the mask. The report
 * lists every tensor's scale and the clipped values; a tensor whose weights would mostly round
 * to 0 cannot be held by the format and is refused.
 */
public final class PostTrainingQuantiser {
    /** Refuse a tensor when more than this share of its non-zero weights would become 0. */
    public static final double MAX_ZEROED_SHARE = 0.5;

    private PostTrainingQuantiser() {}

    /** Per-tensor outcome, for the report. */
    public record TensorReport(String layer, String source, int weightFrac, double maxAbs, int clippedWeights, int zeroedWeights,
            int nonZeroWeights, int clippedBiases) {}

    public record Result(Image image, List<TensorReport> tensors) {
        public int clippedWeights() {
            return tensors.stream().mapToInt(TensorReport::clippedWeights).sum();
        }
    }

    public static Result quantise(TrainedNetwork net, ArchConfig arch, long seed) {
        Numerics n = arch.numerics();
        List<ImageLayer> layers = new ArrayList<>();
        List<TensorReport> reports = new ArrayList<>();
        for (int l = 0; l < net.spec().layers().size(); l++) {
            LayerSpec spec = net.spec().layers().get(l);
            List<ImageSource> sources = new ArrayList<>();
            for (int s = 0; s < spec.sourceCount(); s++) {
                SourceSpec src = spec.sources().get(s);
                SourceWeights sw = net.layers().get(l).sources().get(s);
                double[] mask = NetworkInit.mask(src, spec.neurons());
                double maxAbs = 0;
                for (int i = 0; i < sw.w().length; i++) if (mask[i] != 0) maxAbs = Math.max(maxAbs, Math.abs(sw.w()[i]));
                int frac = src.resetToMask() ? n.weightBits() - 2 : fracFor(maxAbs, n.weightBits());
                Field wf = n.weight(frac), bf = n.bias(frac);
                int[] w = new int[sw.w().length], b = new int[sw.b().length], m = new int[mask.length];
                int clipped = 0, zeroed = 0, nonZero = 0, clippedB = 0;
                for (int i = 0; i < w.length; i++) {
                    m[i] = mask[i] != 0 ? 1 : 0;
                    if (m[i] == 0) continue;
                    double v = src.resetToMask() ? 1.0 : sw.w()[i];
                    long q = Math.round(Math.scalb(v, frac));
                    // symmetric: the most negative code is the array's mask code
                    int wmax = n.weightMax();
                    if (q > wmax || q < -wmax) clipped++;
                    w[i] = (int) Math.max(-wmax, Math.min(wmax, q));
                    if (v != 0) {
                        nonZero++;
                        if (w[i] == 0) zeroed++;
                    }
                }
                for (int i = 0; i < b.length; i++) {
                    long q = spec.bias() ? Math.round(Math.scalb(sw.b()[i], bf.frac())) : 0;
                    if (q > bf.max() || q < bf.min()) clippedB++;
                    b[i] = (int) Math.max(bf.min(), Math.min(bf.max(), q));
                }
                String where = "layers[" + l + "].sources." + src.role();
                if (nonZero > 0 && zeroed > MAX_ZEROED_SHARE * nonZero)
                    throw new InvalidInputException(where + " (" + spec.name() + "): " + n.weightBits() + "-bit weights at scale 2^-" + frac
                            + " round " + (100 * zeroed / nonZero) + "% of the non-zero weights to 0; the format cannot hold this network: use more weight bits");
                sources.add(new ImageSource(spec.neurons(), src.size(), frac, w, b, m, src.resetToMask()));
                reports.add(new TensorReport(spec.name(), src.role().name(), frac, maxAbs, clipped, zeroed, nonZero, clippedB));
            }
            layers.add(new ImageLayer(spec.name(), sources));
        }
        Image image = new Image(net.spec(), arch, layers, seed);
        ImageChecks.check(image, "quantised " + net.spec().name());
        return new Result(image, reports);
    }

    /** The largest binary point at which maxAbs still fits a signed bits-wide integer. */
    static int fracFor(double maxAbs, int bits) {
        if (maxAbs == 0) return bits - 1;
        int e = Math.getExponent(maxAbs);
        int ceilLog2 = maxAbs == Math.scalb(1.0, e) ? e : e + 1;
        return bits - 1 - ceilLog2;
    }
}
