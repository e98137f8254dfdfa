package org.infomorph.distributed.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.distributed.eval.Csv;
import org.infomorph.distributed.eval.EvalResult;
import org.infomorph.distributed.eval.Evaluator;
import org.infomorph.distributed.eval.MeanCi;

/**
 * The sweep's numbers: {@code runs.csv} (one row per run, every run, failed ones included) and
 * {@code summary.csv} (per configuration, the mean and 95% confidence interval over its seeds).
 */
public final class SweepTable {
    private SweepTable() {}

    /** A run and what it measured. */
    public record Run(SweepPoint point, EvalResult result) {}

    /** The runs of one configuration (every config column but the seed). */
    public record Group(List<Object> config, List<Run> runs) {
        public MeanCi deterministic() {
            return MeanCi.of(runs.stream().filter(r -> r.result().ok()).mapToDouble(r -> r.result().deterministicAccuracy()).toArray());
        }

        public MeanCi reference() {
            return MeanCi.of(runs.stream().filter(r -> r.result().ok()).mapToDouble(r -> r.result().testAccuracy()).toArray());
        }

        public MeanCi atomError() {
            return MeanCi.of(runs.stream().filter(r -> r.result().ok()).mapToDouble(r -> r.result().meanAtomError()).toArray());
        }

        public SweepPoint first() {
            return runs.get(0).point();
        }
    }

    public static List<Group> groups(List<Run> runs) {
        Map<List<Object>, List<Run>> by = new LinkedHashMap<>();
        for (Run r : runs) {
            List<Object> c = r.point().config();
            by.computeIfAbsent(new ArrayList<>(c.subList(0, c.size() - 1)), k -> new ArrayList<>()).add(r);
        }
        List<Group> out = new ArrayList<>();
        by.forEach((k, v) -> out.add(new Group(k, v)));
        return out;
    }

    public static void writeRuns(List<Run> runs, List<String> layers, int epochs, Path file) throws IOException {
        List<String> sat = Evaluator.saturationNames();
        List<Object> head = new ArrayList<>(List.of("run"));
        head.addAll(SweepPoint.CONFIG_COLUMNS);
        head.addAll(List.of("epochs", "status", "train_accuracy", "test_reference", "test_deterministic", "mean_atom_error_bits"));
        for (String l : layers) head.add("atom_error_bits_" + l);
        for (String s : sat) head.add("saturation_" + s);
        head.addAll(List.of("seconds", "problem"));
        StringBuilder sb = new StringBuilder(Csv.row(head));
        for (Run r : runs) {
            EvalResult e = r.result();
            List<Object> c = new ArrayList<>(List.of(r.point().index()));
            c.addAll(r.point().config());
            c.addAll(java.util.Arrays.asList(epochs, e.status().name().toLowerCase(), e.trainAccuracy(), e.testAccuracy(), e.deterministicAccuracy(),
                    e.meanAtomError()));
            for (int l = 0; l < layers.size(); l++) c.add(l < e.atomError().size() ? e.atomError().get(l) : null);
            for (String s : sat) c.add(e.saturation().get(s));
            c.add(e.seconds());
            c.add(e.problem());
            sb.append(Csv.row(c));
        }
        Csv.write(file, sb.toString());
    }

    public static void writeSummary(List<Group> groups, Path file) throws IOException {
        List<Object> head = new ArrayList<>(SweepPoint.CONFIG_COLUMNS.subList(0, SweepPoint.CONFIG_COLUMNS.size() - 1));
        head.addAll(List.of("runs", "ok", "test_deterministic_mean", "test_deterministic_ci95_low", "test_deterministic_ci95_high", "test_reference_mean",
                "test_reference_ci95_low", "test_reference_ci95_high", "mean_atom_error_bits_mean", "mean_atom_error_bits_ci95_low",
                "mean_atom_error_bits_ci95_high"));
        StringBuilder sb = new StringBuilder(Csv.row(head));
        for (Group g : groups) {
            List<Object> c = new ArrayList<>(g.config());
            c.add(g.runs().size());
            c.add(g.runs().stream().filter(r -> r.result().ok()).count());
            for (MeanCi m : List.of(g.deterministic(), g.reference(), g.atomError())) c.addAll(List.of(m.mean(), m.low(), m.high()));
            sb.append(Csv.row(c));
        }
        Csv.write(file, sb.toString());
    }
}
