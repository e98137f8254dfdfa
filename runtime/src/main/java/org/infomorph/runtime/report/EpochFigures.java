package org.infomorph.runtime.report;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.train.EpochReport;

/**
 * One epoch of a training run: accuracies (fractions), speed and, per layer, the mean PID atoms
 * (bits, gamma order, H_res last; empty when not measured). Null where a figure does not exist,
 * e.g. the train accuracy of epoch 0.
 */
public record EpochFigures(int epoch, Double trainAccuracy, Double testAccuracy, Double testAccuracyDeterministic, Double samplesPerSecond,
        List<List<Double>> atoms) {
    public EpochFigures {
        atoms = List.copyOf(atoms);
    }

    public static EpochFigures of(EpochReport r) {
        List<List<Double>> atoms = new ArrayList<>();
        for (double[] a : r.atoms()) {
            if (a == null) continue;
            List<Double> l = new ArrayList<>();
            for (double v : a) l.add(JsonSummary.num(v));
            atoms.add(l);
        }
        return new EpochFigures(r.epoch(), JsonSummary.num(r.trainAccuracy()), JsonSummary.num(r.testAccuracy()),
                JsonSummary.num(r.testAccuracyDeterministic()), r.epoch() == 0 ? null : JsonSummary.num(r.samplesPerSecond()), atoms);
    }

    public static List<EpochFigures> of(List<EpochReport> reports) {
        return reports.stream().map(EpochFigures::of).toList();
    }
}
