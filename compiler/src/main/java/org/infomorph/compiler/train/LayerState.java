package org.infomorph.compiler.train;

import java.util.List;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.LayerWeights;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.SourceSpec;
import org.infomorph.compiler.network.SourceWeights;

/** The mutable training state of one layer: weights, masks and optimiser moments per source. */
final class LayerState {
    final LayerSpec spec;
    final int neurons;
    final SourceSpec[] sources;
    final double[][] w, b, mask;
    /** per source: no mask entry is 0, so gradients need no masking */
    final boolean[] denseMask;
    final Adam[] adamW, adamB;
    /** per source: the forward product and its buffers */
    final Linear[] linear;
    final ActivationMath activation;
    final Binning binning;
    final double[] gamma;

    LayerState(LayerSpec spec, LayerWeights weights, double slopeCutoff) {
        this.spec = spec;
        this.neurons = spec.neurons();
        List<SourceSpec> src = spec.sources();
        int s = src.size();
        sources = src.toArray(new SourceSpec[0]);
        w = new double[s][];
        b = new double[s][];
        mask = new double[s][];
        denseMask = new boolean[s];
        adamW = new Adam[s];
        adamB = new Adam[s];
        linear = new Linear[s];
        for (int i = 0; i < s; i++) {
            SourceWeights sw = weights.sources().get(i);
            w[i] = sw.w().clone();
            b[i] = sw.b().clone();
            mask[i] = NetworkInit.mask(sources[i], neurons);
            denseMask[i] = java.util.Arrays.stream(mask[i]).noneMatch(v -> v == 0.0);
            adamW[i] = new Adam(spec.optimizer(), w[i].length);
            adamB[i] = new Adam(spec.optimizer(), b[i].length);
            linear[i] = new Linear(neurons, sources[i].size());
        }
        activation = ActivationMath.of(spec.activation(), slopeCutoff);
        binning = new Binning(spec.binning());
        gamma = spec.goal().gamma();
    }

    int sourceCount() {
        return sources.length;
    }

    /** The output layer's label context is reset to its mask (identity) before every training batch. */
    void resetMaskedSources() {
        for (int i = 0; i < sources.length; i++)
            if (sources[i].resetToMask()) System.arraycopy(mask[i], 0, w[i], 0, w[i].length);
    }

    LayerWeights snapshot() {
        SourceWeights[] out = new SourceWeights[sources.length];
        for (int i = 0; i < sources.length; i++) out[i] = new SourceWeights(neurons, sources[i].size(), w[i].clone(), b[i].clone());
        return new LayerWeights(List.of(out));
    }
}
