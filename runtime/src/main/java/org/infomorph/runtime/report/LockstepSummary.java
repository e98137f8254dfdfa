package org.infomorph.runtime.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.rtl.RtlCycles;
import org.infomorph.runtime.lockstep.Lockstep;
import org.infomorph.runtime.lockstep.StateDiff;

/**
 * The figures of a lockstep check of L3 against L2: what was compared, the mismatches with their
 * location, the waveform of the first one, and the cycles measured against the compiler's.
 */
public record LockstepSummary(int units, long samples, int batches, long compared, long mismatches, List<Mismatch> firstMismatches,
        String waveform, List<Cycles> cycles, double l2Seconds, double l3Seconds, long simulatedCycles) {
    public LockstepSummary {
        firstMismatches = List.copyOf(firstMismatches);
        cycles = List.copyOf(cycles);
    }

    /** Where a value differs: batch, sample (-1 for the state after a batch), layer, unit, neuron, field and index (-1: none). */
    public record Mismatch(int batch, int sample, String layer, int unit, int neuron, String field, int index, long expected, long actual,
            String text) {
        static Mismatch of(StateDiff.Mismatch m) {
            return new Mismatch(m.batch(), m.sample(), m.layer(), m.unit(), m.neuron(), m.field(), m.index(), m.expected(), m.actual(), m.describe());
        }
    }

    /** Cycles of one kind of step: measured (mean, min, max over the steps that ran) against the compiler's estimate. */
    public record Cycles(String step, double measuredMean, long measuredMin, long measuredMax, long estimate) {
        static Cycles of(String step, long[] measured, long estimate) {
            return new Cycles(step, Arrays.stream(measured).average().orElse(0), Arrays.stream(measured).min().orElse(0),
                    Arrays.stream(measured).max().orElse(0), estimate);
        }
    }

    public boolean passed() {
        return mismatches == 0 && compared > 0;
    }

    /** @param stochastic whether inference spikes were stochastic (the estimate differs) */
    public static LockstepSummary of(Image image, int units, Lockstep.Result r, boolean stochastic) {
        var net = image.network();
        var arch = image.arch();
        List<Cycles> cycles = new java.util.ArrayList<>();
        if (r.sampleCycles().length > 0) cycles.add(Cycles.of("inference sample", r.sampleCycles(), RtlCycles.run(net, arch, units, false, stochastic)));
        if (r.learnSampleCycles().length > 0) cycles.add(Cycles.of("learning sample", r.learnSampleCycles(), RtlCycles.run(net, arch, units, true, true)));
        if (r.boundaryCycles().length > 0) cycles.add(Cycles.of("batch boundary", r.boundaryCycles(), RtlCycles.boundary(net, arch, units)));
        StateDiff d = r.diff();
        Path w = r.waveform();
        return new LockstepSummary(units, r.samples(), r.batches(), d.compared(), d.mismatches(), d.first().stream().map(Mismatch::of).toList(),
                w == null ? null : w.toString(), cycles, r.refSeconds(), r.rtlSeconds(), r.rtlCycles());
    }
}
