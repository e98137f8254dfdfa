package org.infomorph.compiler.network;

import java.util.List;

/** The weights of one layer, one entry per source in the layer's source order. */
public record LayerWeights(List<SourceWeights> sources) {
    public LayerWeights {
        sources = List.copyOf(sources);
    }

    public LayerWeights copy() {
        return new LayerWeights(sources.stream().map(SourceWeights::copy).toList());
    }
}
