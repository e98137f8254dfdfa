package org.infomorph.distributed.eval;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageLayer;
import org.infomorph.compiler.image.ImageSource;
import org.infomorph.runtime.device.DeviceState;

/** The image a device holds after learning: the start image's formats and masks with the state's weights and biases. */
final class LearnedImage {
    private LearnedImage() {}

    static Image of(Image start, DeviceState state) {
        List<ImageLayer> layers = new ArrayList<>();
        for (int l = 0; l < start.layers().size(); l++) {
            ImageLayer il = start.layers().get(l);
            DeviceState.LayerState ls = state.layers().get(l);
            List<ImageSource> sources = new ArrayList<>();
            for (int s = 0; s < il.sources().size(); s++) {
                ImageSource src = il.sources().get(s);
                sources.add(new ImageSource(src.neurons(), src.size(), src.weightFrac(), ls.weights().get(s), ls.biases().get(s), src.mask(),
                        src.fixed()));
            }
            layers.add(new ImageLayer(il.name(), sources));
        }
        return new Image(start.network(), start.arch(), layers, start.seed());
    }
}
