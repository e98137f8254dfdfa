package org.infomorph.compiler.network;

/**
 * Weights of one source of a layer: {@code w} is row-major [neurons][size], {@code b} has one
 * bias per neuron. Arrays are owned by the holder; trainers mutate their own copies.
 */
public record SourceWeights(int neurons, int size, double[] w, double[] b) {
    public SourceWeights {
        if (w.length != neurons * size || b.length != neurons)
            throw new IllegalArgumentException("weights " + w.length + "/" + b.length + " do not match " + neurons + "x" + size);
    }

    public SourceWeights copy() {
        return new SourceWeights(neurons, size, w.clone(), b.clone());
    }
}
