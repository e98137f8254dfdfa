package org.infomorph.runtime.lockstep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.infomorph.compiler.data.Batches;
import org.infomorph.compiler.data.Dataset;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.runtime.device.BatchResult;
import org.infomorph.runtime.device.DeviceState;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.reference.ReferenceDevice;
import org.infomorph.runtime.run.DeviceRunner;
import org.infomorph.runtime.array.ArrayDevice;
import org.infomorph.runtime.sim.VerilatorDevice;

/**
 * Runs the reference model (L2) and the RTL (L3, or L4 on a board) side by side on the same image and batches:
 * spikes and output thetas are compared per sample, and the complete state (weights, biases,
 * gradients, histograms, tables, ranges, PRNGs, counters) after every batch. After the first
 * batch with a mismatch it stops, and replays the run on a tracing build to write a VCD window of
 * the cycles around the first mismatch.
 */
public final class Lockstep {
    /** A batch of the run: learning (train split, labels) or inference (test split). */
    public record Step(boolean learn, InputBatch input) {}

    /**
     * @param learnBatches learning batches (train split, shuffled as the runner does)
     * @param inferBatches inference batches over the test split (Integer.MAX_VALUE: all)
     */
    public record Plan(int learnBatches, int inferBatches, SpikeRule inferRule, long seed) {}

    /**
     * @param rtlCycles simulated cycles of the batches (samples and boundaries)
     * @param nativeSeconds wall time inside native calls during the RTL's batches (the rest of rtlSeconds is Java and JNA overhead)
     * @param waveform the VCD written for the first mismatch, or null
     * @param initialWeights a hash of the model's weights and biases before the run; finalWeights after it
     * @param sampleCycles measured cycles of every inference sample; boundaryCycles of every learning boundary
     */
    public record Result(StateDiff diff, int batches, long samples, long[] sampleCycles, long[] learnSampleCycles, long[] boundaryCycles,
                         double refSeconds, double rtlSeconds, double nativeSeconds, long rtlCycles, Path waveform,
                         int initialWeights, int finalWeights) {
        public boolean passed() {
            return diff.mismatches() == 0 && diff.compared() > 0;
        }

        /** This result with the waveform at another path (where the caller moved it). */
        public Result withWaveform(Path w) {
            return new Result(diff, batches, samples, sampleCycles, learnSampleCycles, boundaryCycles, refSeconds, rtlSeconds, nativeSeconds,
                    rtlCycles, w, initialWeights, finalWeights);
        }
    }

    private Lockstep() {}

    /** The batches of a plan, in order: learning first, then inference. */
    public static List<Step> steps(Image image, DatasetSplit split, Plan plan) {
        int b = image.arch().learning().batchSize();
        List<Step> out = new ArrayList<>();
        int done = 0;
        for (int[] idx : Batches.shuffled(split.train().size(), b, plan.seed(), 1)) {
            if (done >= plan.learnBatches()) break;
            if (idx.length != b) continue;
            out.add(new Step(true, DeviceRunner.input(Batches.gather(split.train(), idx), image.arch(), true)));
            done++;
        }
        Dataset test = split.test();
        int n = 0;
        for (int[] idx : Batches.inOrder(test.size(), b)) {
            if (n++ >= plan.inferBatches()) break;
            out.add(new Step(false, DeviceRunner.input(Batches.gather(test, idx), image.arch(), false)));
        }
        return out;
    }

    /**
     * @param rtl        a fresh RTL device (it is loaded here)
     * @param tracing    makes a tracing RTL device for the waveform replay, or null for none
     * @param waveform   where the VCD of the first mismatch goes
     * @param onBatch    called after each batch with the running diff
     */
    public static Result run(Image image, List<Step> steps, SpikeRule inferRule, ArrayDevice rtl, Supplier<VerilatorDevice> tracing,
                             Path waveform, java.util.function.BiConsumer<Integer, StateDiff> onBatch) {
        List<String> names = image.network().layers().stream().map(LayerSpec::name).toList();
        StateDiff diff = new StateDiff(rtl.units(), 20);
        List<Long> inferCycles = new ArrayList<>(), learnCycles = new ArrayList<>(), boundary = new ArrayList<>();
        double refSecs = 0, rtlSecs = 0, nativeSecs = 0;
        long samples = 0;
        int batches = 0, initial = 0, last = 0;
        try (ReferenceDevice ref = new ReferenceDevice()) {
            ref.load(image);
            rtl.load(image);
            DeviceState start = ref.readState();
            initial = last = parameters(start);
            diff.state(-1, start, rtl.readState());
            for (Step s : steps) {
                long t0 = System.nanoTime();
                BatchResult e = s.learn() ? ref.learn(s.input()) : ref.infer(s.input(), inferRule);
                long t1 = System.nanoTime();
                double n0 = nativeSeconds(rtl);
                BatchResult a = s.learn() ? rtl.learn(s.input()) : rtl.infer(s.input(), inferRule);
                long t2 = System.nanoTime();
                refSecs += (t1 - t0) / 1e9;
                rtlSecs += (t2 - t1) / 1e9;
                nativeSecs += nativeSeconds(rtl) - n0;
                for (long c : rtl.sampleCycles()) (s.learn() ? learnCycles : inferCycles).add(c);
                if (s.learn()) boundary.add(rtl.boundaryCycles());
                samples += s.input().batch();
                diff.outputs(batches, names, e, a);
                DeviceState now = ref.readState();
                last = parameters(now);
                diff.state(batches, now, rtl.readState());
                batches++;
                if (onBatch != null) onBatch.accept(batches, diff);
                if (diff.mismatches() > 0) break;
            }
        }
        Path vcd = null;
        if (diff.mismatches() > 0 && tracing != null && waveform != null) vcd = replay(image, steps, inferRule, diff.first().get(0), tracing, waveform);
        return new Result(diff, batches, samples, longs(inferCycles), longs(learnCycles), longs(boundary), refSecs, rtlSecs,
                nativeSecs, sum(inferCycles) + sum(learnCycles) + sum(boundary), vcd, initial, last);
    }

    /** Replays up to the mismatching batch on a tracing build, tracing the samples around the mismatch (or the boundary). */
    private static Path replay(Image image, List<Step> steps, SpikeRule rule, StateDiff.Mismatch m, Supplier<VerilatorDevice> tracing, Path vcd) {
        try (VerilatorDevice t = tracing.get()) {
            t.load(image);
            for (int i = 0; i <= m.batch() && i < steps.size(); i++) {
                Step s = steps.get(i);
                if (i == m.batch()) {
                    if (m.sample() >= 0) t.traceNext(vcd, Math.max(0, m.sample() - 1), m.sample(), false);
                    else t.traceNext(vcd, -1, -1, true);
                }
                if (s.learn()) t.learn(s.input());
                else t.infer(s.input(), rule);
            }
            return vcd;
        }
    }

    /** Wall time inside the Verilator model so far (a board has none). */
    private static double nativeSeconds(ArrayDevice d) {
        return d instanceof VerilatorDevice v && v.model() != null ? v.model().nativeSeconds() : 0;
    }

    private static int parameters(DeviceState s) {
        int h = 1;
        for (DeviceState.LayerState l : s.layers()) {
            for (int[] w : l.weights()) h = 31 * h + java.util.Arrays.hashCode(w);
            for (int[] b : l.biases()) h = 31 * h + java.util.Arrays.hashCode(b);
        }
        return h;
    }

    private static long sum(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).sum();
    }

    private static long[] longs(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).toArray();
    }
}
