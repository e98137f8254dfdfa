package org.infomorph.runtime.report;

import java.util.List;
import org.infomorph.compiler.arch.Counter;
import java.util.Map;

/**
 * Everything {@code infomorph demo} measured, in one record: the {@code --json} output (format
 * {@value #FORMAT}, docs/report.md) and the input of {@link DemoReport}.
 *
 * @param runs       the training curves per level (L0 paper, L1 hw-rule, L2 fixed on-chip learning)
 * @param reference  the published curve when the run matches its setting, else null
 * @param layers     per layer its name and atom labels (gamma order, H_res last) and, when measured,
 *                   the atoms of every neuron after the last L0 epoch (bits)
 * @param resources  the estimate against each built-in FPGA target's capacity
 * @param lockstep   L3 (the RTL in Verilator) against L2
 * @param board      L4 (the simulated board over its host link) against L2; null when the demo skipped it
 */
public record DemoSummary(String format, Provenance provenance, String network, String dataset, int trainSamples, int testSamples,
        List<LadderRow> ladder, List<Run> runs, ReferenceCurve reference, List<Layer> layers, List<ResourceFigures> resources,
        LockstepSummary lockstep, LockstepSummary board, Saturation saturation, boolean passed) {
    public static final String FORMAT = "infomorph-demo-summary/1";

    public DemoSummary {
        ladder = List.copyOf(ladder);
        runs = List.copyOf(runs);
        layers = List.copyOf(layers);
        resources = List.copyOf(resources);
    }

    /**
     * One step of the ladder: its accuracies (fractions; null where the level has no such metric),
     * time, speed, and the change against the level it is compared with, attributed to what the
     * step changes (approximation, quantisation, or nothing: bit equality).
     */
    public record LadderRow(String level, String name, String what, Double testAccuracy, Double testAccuracyDeterministic, double seconds,
            Double samplesPerSecond, String comparedWith, Double deltaTest, Double deltaDeterministic, String attribution) {}

    /** A training curve of one level. */
    public record Run(String level, String name, List<EpochFigures> epochs) {
        public Run {
            epochs = List.copyOf(epochs);
        }
    }

    /** A layer's atom labels and, when measured, each neuron's atoms after the last epoch. */
    public record Layer(String name, List<String> atomLabels, List<List<Double>> lastEpochNeurons) {
        public Layer {
            atomLabels = List.copyOf(atomLabels);
            lastEpochNeurons = List.copyOf(lastEpochNeurons);
        }
    }

    /**
     * The saturation counters of L2 on-chip learning: events per field, over {@code samples}
     * learned samples of {@code neurons} neurons; {@code notes} names every field whose count
     * exceeds {@value #LARGE_PER_SAMPLE_NEURON} per sample and neuron.
     */
    public record Saturation(long samples, int neurons, Map<String, Long> counters, List<String> notes) {
        public static final double LARGE_PER_SAMPLE_NEURON = 0.01;
        /** The counters that count work (batches, samples) rather than saturation events. */
        static final java.util.Set<String> ACTIVITY = java.util.Set.of(Counter.BATCHES_LEARN.label(), Counter.BATCHES_INFER.label(), Counter.SAMPLES.label());

        public Saturation {
            counters = new java.util.LinkedHashMap<>(counters);
            notes = List.copyOf(notes);
        }

        public static Saturation of(long samples, int neurons, Map<String, Long> counters) {
            List<String> notes = new java.util.ArrayList<>();
            double per = Math.max(1, (double) samples * neurons);
            counters.forEach((k, v) -> {
                if (ACTIVITY.contains(k)) return; // counts of work done, not saturation
                if (v / per > LARGE_PER_SAMPLE_NEURON)
                    notes.add(String.format(java.util.Locale.ROOT, "%s saturated %,d times, %.3f per sample and neuron: widen this field (infomorph arch) or check the scales",
                            k, v, v / per));
            });
            return new Saturation(samples, neurons, counters, notes);
        }
    }
}
