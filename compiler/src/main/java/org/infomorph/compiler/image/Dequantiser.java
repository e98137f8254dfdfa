package org.infomorph.compiler.image;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.network.LayerWeights;
import org.infomorph.compiler.network.SourceWeights;
import org.infomorph.compiler.network.TrainedNetwork;

/** The float network an image's integers stand for (weights q * 2^-weightFrac), for fake-quantised float runs. */
public final class Dequantiser {
    private Dequantiser() {}

    public static TrainedNetwork dequantise(Image image) {
        int inFrac = image.arch().numerics().input().frac();
        List<LayerWeights> layers = new ArrayList<>();
        for (ImageLayer l : image.layers()) {
            List<SourceWeights> sources = new ArrayList<>();
            for (ImageSource s : l.sources()) {
                double[] w = new double[s.w().length], b = new double[s.b().length];
                for (int i = 0; i < w.length; i++) w[i] = Math.scalb((double) s.w()[i], -s.weightFrac());
                for (int i = 0; i < b.length; i++) b[i] = Math.scalb((double) s.b()[i], -(s.weightFrac() + inFrac));
                sources.add(new SourceWeights(s.neurons(), s.size(), w, b));
            }
            layers.add(new LayerWeights(sources));
        }
        return new TrainedNetwork(image.network(), layers);
    }
}
