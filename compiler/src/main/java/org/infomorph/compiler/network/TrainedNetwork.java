package org.infomorph.compiler.network;

import java.util.List;

/** A network description with its weights, one {@link LayerWeights} per layer in layer order. */
public record TrainedNetwork(NetworkSpec spec, List<LayerWeights> layers) {
    public TrainedNetwork {
        layers = List.copyOf(layers);
    }
}
