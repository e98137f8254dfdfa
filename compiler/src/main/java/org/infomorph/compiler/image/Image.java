package org.infomorph.compiler.image;

import java.util.List;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.network.NetworkSpec;

/**
 * What every backend loads: the network description (topology, activations, goals), the
 * architecture configuration, the integer weights of every layer and the seed of all
 * pseudo-random generators. The compiler issue extends it with the mapping onto physical units.
 */
public record Image(NetworkSpec network, ArchConfig arch, List<ImageLayer> layers, long seed) {
    public static final String FORMAT = "infomorph-image/1";

    public Image {
        layers = List.copyOf(layers);
        if (layers.size() != network.layers().size())
            throw new IllegalArgumentException("image has " + layers.size() + " layers, network " + network.layers().size());
    }
}
