package org.infomorph.runtime.report;

import java.util.List;

/**
 * What {@code infomorph train} (and {@code run} at a float level) measured: the {@code --json}
 * output, format {@value #FORMAT}.
 *
 * @param level  {@code paper} (L0) or {@code hw-rule} (L1)
 * @param layers per layer its name and atom labels (the order of each epoch's atoms)
 * @param saved  the trained-network directory written with --out, else null
 */
public record TrainSummary(String format, Provenance provenance, String network, String dataset, String level, List<LayerLabels> layers,
        List<EpochFigures> epochs, Double testAccuracy, Double testAccuracyDeterministic, String saved) {
    public static final String FORMAT = "infomorph-train-summary/1";

    public TrainSummary {
        layers = List.copyOf(layers);
        epochs = List.copyOf(epochs);
    }

    /** A layer's name and the labels of its atoms (gamma order, H_res last). */
    public record LayerLabels(String name, List<String> atomLabels) {
        public LayerLabels {
            atomLabels = List.copyOf(atomLabels);
        }
    }
}
