package org.infomorph.runtime.report;

import java.util.List;
import java.util.Map;

/**
 * What {@code infomorph run} measured at one level: the {@code --json} output, format
 * {@value #FORMAT}. {@code epochs} holds every epoch (for {@code fixed}, the train and
 * deterministic test accuracy per learning epoch); {@code counters} are L2's saturation counters
 * (null at the float levels); {@code stateHash} the complete final state (the weights at the float
 * levels).
 */
public record RunSummary(String format, Provenance provenance, String network, String dataset, String level, boolean learned,
        List<EpochFigures> epochs, Double testAccuracy, Double testAccuracyDeterministic, Map<String, Long> counters, String stateHash) {
    public static final String FORMAT = "infomorph-run-summary/1";

    public RunSummary {
        epochs = List.copyOf(epochs);
        counters = counters == null ? null : new java.util.LinkedHashMap<>(counters);
    }
}
