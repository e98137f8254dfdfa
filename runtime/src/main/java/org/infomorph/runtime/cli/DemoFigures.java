package org.infomorph.runtime.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Mode;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.train.EpochReport;
import org.infomorph.compiler.train.Trainer;
import org.infomorph.runtime.report.DemoSummary;
import org.infomorph.runtime.report.EpochFigures;
import org.infomorph.runtime.report.JsonSummary;
import org.infomorph.runtime.report.LockstepSummary;
import org.infomorph.runtime.report.Provenance;
import org.infomorph.runtime.report.ReferenceCurve;
import org.infomorph.runtime.report.ResourceFigures;
import org.infomorph.targets.Targets;

/** The demo's results as one {@link DemoSummary}: the ladder rows with their deltas, the curves, the resources. A pure step. */
final class DemoFigures {
    private DemoFigures() {}

    /** The FPGA targets the demo's resources are estimated for: every built-in one but the simulator. */
    static List<String> fpgaTargets() {
        return Targets.builtInNames().stream().filter(n -> !n.equals(Targets.DEFAULT)).toList();
    }

    static DemoSummary of(picocli.CommandLine.Model.CommandSpec spec, NetworkSpec net, String dataset, DatasetSplit split, TrainingRun l0, double l0Seconds, Ladder ladder,
            ArchConfig arch, int chipEpochs, RtlStage rtl, RtlStage board, List<List<List<Double>>> neuronAtoms) {
        LockstepSummary lock = LockstepSummary.of(ladder.quantised().image(), rtl.units(), rtl.result(), false);
        LockstepSummary boardLock = board == null ? null : LockstepSummary.of(ladder.quantised().image(), board.units(), board.result(), false);
        List<EpochFigures> l0e = EpochFigures.of(l0.epochs()), l1e = EpochFigures.of(ladder.hwRuleRun().epochs());
        List<DemoSummary.LadderRow> rows = new ArrayList<>();
        EpochReport last = l0.last();
        rows.add(new DemoSummary.LadderRow("L0", "paper", "published rule, float64, " + last.epoch() + " epochs", JsonSummary.num(last.testAccuracy()),
                JsonSummary.num(last.testAccuracyDeterministic()), l0Seconds, JsonSummary.num(last.samplesPerSecond()), null, null, null, null));
        EpochFigures l1 = l1e.get(l1e.size() - 1);
        Optional<EpochFigures> l0AtK = at(l0e, l1.epoch());
        rows.add(new DemoSummary.LadderRow("L1", "hw-rule", "the hardware's rule in float64, from scratch, " + l1.epoch() + " epochs", l1.testAccuracy(),
                l1.testAccuracyDeterministic(), ladder.hwRuleSeconds(), l1.samplesPerSecond(), l0AtK.map(e -> "L0 after " + e.epoch() + " epochs").orElse(null),
                l0AtK.map(e -> diff(l1.testAccuracy(), e.testAccuracy())).orElse(null),
                l0AtK.map(e -> diff(l1.testAccuracyDeterministic(), e.testAccuracyDeterministic())).orElse(null), "approximation error (the hardware's rule)"));
        double chipRate = ladder.chipEpochs().stream().filter(e -> e.samplesPerSecond() != null).mapToDouble(EpochFigures::samplesPerSecond).average().orElse(Double.NaN);
        rows.add(new DemoSummary.LadderRow("L2", "fixed", "on-chip learning from scratch on the integer model, " + chipEpochs + " epochs",
                JsonSummary.num(ladder.chipStochastic()), JsonSummary.num(ladder.chipDeterministic()), ladder.chipSeconds(), JsonSummary.num(chipRate),
                "L1 after " + l1.epoch() + " epochs", diff(JsonSummary.num(ladder.chipStochastic()), l1.testAccuracy()),
                diff(JsonSummary.num(ladder.chipDeterministic()), l1.testAccuracyDeterministic()), "quantisation error (fixed-point learning)"));
        rows.add(new DemoSummary.LadderRow("L2", "fixed", "L0's weights quantised to " + arch.numerics().weightBits() + " bits ("
                + ladder.quantised().clippedWeights() + " clipped), inference", null, JsonSummary.num(ladder.ptqDeterministic()), ladder.ptqSeconds(), null,
                "L0 after " + last.epoch() + " epochs", null, diff(JsonSummary.num(ladder.ptqDeterministic()), JsonSummary.num(last.testAccuracyDeterministic())),
                "quantisation error (post-training)"));
        rows.add(lockstepRow("L3", "rtl", String.format(Locale.ROOT, "the quantised image on the RTL (%d LLUs), %,d samples in lockstep",
                rtl.units(), lock.samples()), lock));
        if (boardLock != null)
            rows.add(lockstepRow("L4", "board", String.format(Locale.ROOT, "the quantised image on the simulated board (%d LLUs, host link at 3 Mbaud), %,d samples in lockstep",
                    board.units(), boardLock.samples()), boardLock));
        List<DemoSummary.Run> runs = List.of(new DemoSummary.Run("L0", "paper", l0e), new DemoSummary.Run("L1", "hw-rule", l1e),
                new DemoSummary.Run("L2", "fixed", ladder.chipEpochs()));
        List<DemoSummary.Layer> layers = new ArrayList<>();
        for (int l = 0; l < net.layers().size(); l++) {
            LayerSpec layer = net.layers().get(l);
            layers.add(new DemoSummary.Layer(layer.name(), Arrays.asList(AtomFormat.labels(layer)), neuronAtoms.size() > l ? neuronAtoms.get(l) : List.of()));
        }
        ReferenceCurve ref = ReferenceCurve.matching(ReferenceCurve.sharedFolder(), dataset, net.name(), net.layers().get(0).goal().name(),
                net.training().batchSize()).orElse(null);
        List<ResourceFigures> resources = new ArrayList<>();
        for (String t : fpgaTargets())
            resources.add(ResourceFigures.of(Compilation.of(net, arch, Targets.builtIn(t), Mode.LEARN)));
        int neurons = net.layers().stream().mapToInt(LayerSpec::neurons).sum();
        DemoSummary.Saturation sat = DemoSummary.Saturation.of((long) chipEpochs * split.train().size(), neurons, ladder.counters());
        String generator = Images.compilation(ladder.quantised().image()).mapping().generator().hash();
        Provenance p = Provenance.of(spec, Map.of("network", net.training().seed()), Map.of("l0_weights_sha256", WeightsHash.of(l0.trained()),
                "l1_weights_sha256", WeightsHash.of(ladder.hwRuleRun().trained()), "l2_state_after_learning", ladder.chipHash(), "generator_parameters", generator));
        return new DemoSummary(DemoSummary.FORMAT, p, net.name(), dataset, split.train().size(), split.test().size(), rows, runs, ref, layers, resources,
                lock, boardLock, sat, lock.passed() && (boardLock == null || boardLock.passed()));
    }

    /** A ladder row of a lockstep level (L3, L4): its time and speed, compared with L2 for equality. */
    private static DemoSummary.LadderRow lockstepRow(String level, String name, String what, LockstepSummary lock) {
        return new DemoSummary.LadderRow(level, name, what, null, null, lock.l3Seconds(), lock.l3Seconds() > 0 ? (double) lock.samples() / lock.l3Seconds() : null,
                "L2", null, null, lock.passed() ? String.format(Locale.ROOT, "equality: 0 mismatches in %,d compared values", lock.compared())
                        : String.format(Locale.ROOT, "MISMATCH: %,d in %,d compared values", lock.mismatches(), lock.compared()));
    }

    /** Each neuron's atoms after training ({@link Trainer#neuronAtoms}): per layer, neuron by atom. */
    static List<List<List<Double>>> neuronAtoms(TrainedNetwork trained, DatasetSplit split) {
        List<List<List<Double>>> out = new ArrayList<>();
        for (double[][] layer : new Trainer(trained, trained.spec().training().seed()).neuronAtoms(split)) {
            List<List<Double>> neurons = new ArrayList<>();
            for (double[] n : layer) neurons.add(Arrays.stream(n).mapToObj(JsonSummary::num).toList());
            out.add(neurons);
        }
        return out;
    }

    private static Optional<EpochFigures> at(List<EpochFigures> epochs, int epoch) {
        return epochs.stream().filter(e -> e.epoch() == epoch).findFirst();
    }

    private static Double diff(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }
}
