package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.rtl.RtlCycles;
import org.infomorph.runtime.lockstep.Lockstep;
import org.infomorph.runtime.lockstep.StateDiff;

/** The lockstep result for people: mismatches, measured against estimated cycles, simulation speed. */
final class VerifyReport {
    private VerifyReport() {}

    static void print(PrintWriter o, Image image, int units, String level, Lockstep.Result r, boolean stochastic) {
        // the schedule for the units that ran (the compiler's own choice may differ)
        var net = image.network();
        var arch = image.arch();
        double wall = Math.max(1e-9, r.rtlSeconds());
        if (level.equals("L3"))
            o.printf("samples: %,d in %d batches; L2 %.2f s, L3 %.2f s: %,.0f simulated cycles, %,.0f cycles/s; %.1f%% of L3 wall time outside the native model (Java + JNA)%n",
                    r.samples(), r.batches(), r.refSeconds(), r.rtlSeconds(), (double) r.rtlCycles(), r.rtlCycles() / wall,
                    100 * Math.max(0, wall - r.nativeSeconds()) / wall);
        else
            o.printf("samples: %,d in %d batches; L2 %.2f s, %s %.2f s (link included): %,.0f array cycles%n", r.samples(), r.batches(), r.refSeconds(),
                    level, r.rtlSeconds(), (double) r.rtlCycles());
        cycles(o, "inference sample", r.sampleCycles(), RtlCycles.run(net, arch, units, false, stochastic));
        cycles(o, "learning sample", r.learnSampleCycles(), RtlCycles.run(net, arch, units, true, true));
        cycles(o, "batch boundary", r.boundaryCycles(), RtlCycles.boundary(net, arch, units));
        StateDiff d = r.diff();
        if (d.mismatches() > 0) {
            o.println("FIRST MISMATCHES:");
            for (StateDiff.Mismatch m : d.first()) o.println("  " + m.describe());
            if (r.waveform() != null) o.println("waveform of the cycles around the first mismatch: " + r.waveform() + " (open with gtkwave)");
        } else if (d.compared() > 0) {
            o.println("every compared bit agrees: spikes and thetas of every sample, and the complete state after every batch");
        }
        o.printf("%d mismatches in %d compared values%n", d.mismatches(), d.compared());
    }

    private static void cycles(PrintWriter o, String what, long[] measured, long estimate) {
        if (measured.length == 0) return;
        long min = Arrays.stream(measured).min().orElse(0), max = Arrays.stream(measured).max().orElse(0);
        double mean = Arrays.stream(measured).average().orElse(0);
        o.printf("cycles per %s: measured %,.0f (min %,d, max %,d), compiler estimate %,d: %+.1f%%%n", what, mean, min, max, estimate,
                100 * (mean - estimate) / Math.max(1, estimate));
    }
}
