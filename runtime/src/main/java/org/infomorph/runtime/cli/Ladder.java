package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.image.PostTrainingQuantiser;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.train.EpochReport;
import org.infomorph.compiler.train.Trainer;
import org.infomorph.runtime.device.DeviceState;
import org.infomorph.runtime.report.EpochFigures;
import org.infomorph.runtime.reference.ReferenceDevice;
import org.infomorph.runtime.run.DeviceRunner;

/** The demo's steps below L0: post-training quantisation on L2, then L1 and L2 learning from scratch. */
record Ladder(PostTrainingQuantiser.Result quantised, double ptqDeterministic, double ptqSeconds, TrainingRun hwRuleRun, double hwRuleSeconds,
        List<EpochFigures> chipEpochs, double chipSeconds, double chipTrain, double chipDeterministic, double chipStochastic, String chipHash,
        Map<String, Long> counters) {
    EpochReport hwRule() {
        return hwRuleRun.last();
    }


    static Ladder run(NetworkSpec net, TrainingRun l0, DatasetSplit split, ArchConfig arch, int epochs, PrintWriter o) {
        long seed = net.training().seed();
        o.println();
        o.println("L2 (fixed): the L0 result, quantised (" + arch.numerics().weightBits() + "-bit weights), on the bit-exact integer model");
        long t0 = System.nanoTime();
        PostTrainingQuantiser.Result q = PostTrainingQuantiser.quantise(l0.trained(), arch, seed);
        QuantizeCommand.print(o, q);
        double ptq;
        try (ReferenceDevice dev = new ReferenceDevice()) {
            dev.load(q.image());
            ptq = new DeviceRunner(dev, arch, split, seed).deterministicAccuracy();
        }
        o.printf("  deterministic test accuracy %.2f%% (L0 %.2f%%)%n", 100 * ptq, 100 * l0.last().testAccuracyDeterministic());
        double ptqSeconds = (System.nanoTime() - t0) / 1e9;

        o.println();
        o.println("L1 (hw-rule): the hardware's rule in float64, from scratch, " + epochs + " epochs");
        NetworkSpec chipNet = Networks.override(net, epochs, null);
        long t1 = System.nanoTime();
        TrainingRun l1 = TrainingRun.execute(Trainer.hardwareRule(NetworkInit.initial(chipNet, seed), arch, seed),
                NetworkInit.initial(chipNet, seed), split, true, o);
        double l1Seconds = (System.nanoTime() - t1) / 1e9;

        o.println();
        o.println("L2 (fixed): on-chip learning from scratch on the bit-exact integer model, " + epochs + " epochs");
        long t2 = System.nanoTime();
        try (ReferenceDevice dev = new ReferenceDevice()) {
            dev.load(ImageFactory.fromScratch(chipNet, arch, seed));
            DeviceRunner runner = new DeviceRunner(dev, arch, split, seed);
            List<EpochFigures> chip = new ArrayList<>();
            chip.add(new EpochFigures(0, null, null, runner.deterministicAccuracy(), null, List.of()));
            double train = Double.NaN;
            for (int e = 1; e <= epochs; e++) {
                long t0e = System.nanoTime();
                try (Progress p = Progress.start("epoch " + e + "/" + epochs, split.train().size())) {
                    train = runner.learnEpoch(e, Integer.MAX_VALUE, p.stepper());
                }
                double rate = split.train().size() / ((System.nanoTime() - t0e) / 1e9);
                double det = runner.deterministicAccuracy();
                chip.add(new EpochFigures(e, train, null, det, rate, List.of()));
                o.printf("epoch %3d  train %6.2f%%  test-deterministic %6.2f%%  %,.0f samples/s%n", e, 100 * train, 100 * det, rate);
                o.flush();
            }
            double det = runner.deterministicAccuracy(), sto = runner.stochasticAccuracy(epochs);
            DeviceState state = dev.readState();
            return new Ladder(q, ptq, ptqSeconds, l1, l1Seconds, chip, (System.nanoTime() - t2) / 1e9, train, det, sto, state.hash(), state.counters());
        }
    }

    void print(PrintWriter o) {
        o.printf("ladder level L2 (fixed), L0 weights quantised: deterministic test accuracy %6.2f%% (%d clipped weights)%n",
                100 * ptqDeterministic, quantised.clippedWeights());
        o.printf("ladder level L1 (hw-rule), from scratch, %d epochs: test %6.2f%%, deterministic %6.2f%%%n", hwRule().epoch(),
                100 * hwRule().testAccuracy(), 100 * hwRule().testAccuracyDeterministic());
        o.printf("ladder level L2 (fixed), on-chip learning from scratch: test %6.2f%%, deterministic %6.2f%%%n", 100 * chipStochastic,
                100 * chipDeterministic);
        o.printf("  saturation events: activation %d, theta LUT %d, weight %d; state hash %s%n", counters.getOrDefault("activation", 0L),
                counters.getOrDefault("theta.lut", 0L), counters.getOrDefault("weight", 0L), chipHash.substring(0, 16));
    }
}
