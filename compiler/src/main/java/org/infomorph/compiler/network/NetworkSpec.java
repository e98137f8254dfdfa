package org.infomorph.compiler.network;

import java.util.List;

/**
 * An infomorphic network as described by a network JSON file (format {@value #FORMAT}).
 *
 * <p>Every step of the recurrent scheme runs all layers in file order; a layer sees the current
 * step's spikes of earlier layers ({@code layer:NAME}) and the previous step's spikes of any layer
 * ({@code previous:NAME}, zeros at step 1). Learning uses the last step only.
 *
 * @param name       a label for reports
 * @param features   size of the data input (784 for MNIST)
 * @param classes    number of label classes (10 for MNIST)
 * @param steps      recurrent steps per sample: 1, or 2 for the lateral schemes
 * @param layers     in execution order; the last one is the output layer (its theta is the network output)
 * @param training   batch size, epochs, seed
 */
public record NetworkSpec(String name, int features, int classes, int steps, List<LayerSpec> layers, TrainingSpec training) {
    public static final String FORMAT = "infomorph-network/1";

    public NetworkSpec {
        layers = List.copyOf(layers);
    }

    /** This network with layer {@code index} replaced. */
    public NetworkSpec withLayer(int index, LayerSpec layer) {
        List<LayerSpec> l = new java.util.ArrayList<>(layers);
        l.set(index, layer);
        return new NetworkSpec(name, features, classes, steps, l, training);
    }

    public NetworkSpec withTraining(TrainingSpec t) {
        return new NetworkSpec(name, features, classes, steps, layers, t);
    }

    public LayerSpec outputLayer() {
        return layers.get(layers.size() - 1);
    }

    public int layerIndex(String layerName) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).name().equals(layerName)) return i;
        return -1;
    }
}
