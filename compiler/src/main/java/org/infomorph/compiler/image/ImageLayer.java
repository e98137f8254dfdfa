package org.infomorph.compiler.image;

import java.util.List;

/**
 * One layer in integer form. {@code coefficients} are the layer's constants in the
 * {@code coefficient} format: the activation parameters, then beta (lattice gamma order) and
 * gamma_bottom, as laid out by {@code LayerConstants}.
 */
public record ImageLayer(String name, List<ImageSource> sources) {
    public ImageLayer {
        sources = List.copyOf(sources);
    }
}
