package org.infomorph.runtime.reference;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchTables;
import org.infomorph.compiler.arch.BinRange;
import org.infomorph.compiler.arch.LayerConstants;
import org.infomorph.compiler.arch.NeuronProgram;
import org.infomorph.compiler.fixed.Fixed;
import org.infomorph.compiler.fixed.Log2Unit;
import org.infomorph.compiler.fixed.Xorshift32;
import org.infomorph.compiler.image.ImageLayer;
import org.infomorph.compiler.image.ImageSource;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.runtime.device.DeviceState;
import org.infomorph.runtime.device.SpikeRule;

/**
 * The state of one layer of the integer model (weights, gradients, histograms, table, ranges,
 * PRNGs) and its forward pass over a batch (docs/llu-rule.md sections 2-4). Every neuron's work
 * touches only its own state and PRNG, so neurons run in parallel with results independent of
 * the thread count.
 */
final class NeuronLayer {
    final String name;
    final int index, n, s, bins, binsExp, cells;
    final boolean bias;
    final int[] size, wf, productShift;
    final boolean[] fixed;
    final int[][] w, b, mask, gw, gb, vw, vb;
    final int[] counts, softSums, table, rangeExp, maxAbs, prng;
    final NeuronEngine engine;
    final CoefficientTable coefficients;
    final ArchConfig arch;
    /** per source: input.frac + weightFrac - productShift - activation.frac, the shift from the accumulator to u */
    final int[] uShift;
    private final int af, inFrac, thetaBits, thetaHalf, spikeOne;
    // per-batch storage of the last step (learning): [j*batch + b]
    int[] cell;
    int[][] slopes;
    int[][] lastInputs;
    int[] thetaOut;
    /** per neuron: the PRNG draws of one per-sample update (unmasked weights and biases of the learned sources) */
    final int[] updateDraws;
    /** per source: every weight was loaded in [-weightMax, weightMax] (updates keep it there) */
    final boolean[] weightsInRange;
    /** per source and neuron: the neuron's row of the mask has no zero */
    final boolean[][] denseRow;
    /** per source and neuron: the unmasked weights in the neuron's row */
    final int[][] unmaskedRow;
    /** per source: its input is the same at every step of a sample (input data, label), so its sum is too */
    final boolean[] stepInvariant;
    /** per source, [j*batch + b]: the sums of the step-invariant sources at the layer's first step of this run */
    private long[][] invariantAcc;
    /** Whether {@link NeuronLanes} can run in this JVM. */
    static final boolean LANES = lanesAvailable();
    /** Per-sample learning in vector lanes, while {@link #lanesOn}: the weights live there for the batch. */
    private NeuronLanes lanes;
    private boolean lanesOn;

    NeuronLayer(int index, LayerSpec spec, ImageLayer image, ArchConfig arch, ArchTables tables, LayerConstants k, long seed) {
        this.index = index;
        this.name = spec.name();
        this.arch = arch;
        n = spec.neurons();
        s = spec.sourceCount();
        bias = spec.bias();
        bins = arch.bins();
        binsExp = arch.binsExp();
        cells = 1 << (binsExp * s);
        size = new int[s];
        wf = new int[s];
        productShift = new int[s];
        fixed = new boolean[s];
        w = new int[s][];
        b = new int[s][];
        mask = new int[s][];
        gw = new int[s][];
        gb = new int[s][];
        boolean momentum = arch.learning().momentumShift() > 0;
        vw = new int[s][];
        vb = new int[s][];
        for (int k2 = 0; k2 < s; k2++) {
            ImageSource src = image.sources().get(k2);
            size[k2] = src.size();
            wf[k2] = src.weightFrac();
            productShift[k2] = arch.numerics().productShift(src.size());
            fixed[k2] = src.fixed();
            w[k2] = src.w().clone();
            b[k2] = src.b().clone();
            mask[k2] = src.mask().clone();
            gw[k2] = new int[w[k2].length];
            gb[k2] = new int[n];
            vw[k2] = momentum ? new int[w[k2].length] : null;
            vb[k2] = momentum ? new int[n] : null;
        }
        counts = new int[n * cells];
        softSums = new int[n * cells];
        table = new int[n * cells];
        rangeExp = new int[n * s];
        java.util.Arrays.fill(rangeExp, arch.learning().ranges().of(s).initialExp());
        maxAbs = new int[n * s];
        prng = new int[n];
        for (int j = 0; j < n; j++) prng[j] = Xorshift32.seed(seed, index, j);
        af = arch.numerics().activation().frac();
        inFrac = arch.numerics().input().frac();
        thetaBits = arch.numerics().theta().bits();
        thetaHalf = 1 << (thetaBits - 1);
        spikeOne = 1 << inFrac;
        weightsInRange = new boolean[s];
        for (int k2 = 0; k2 < s; k2++) {
            int wmax = arch.numerics().weightMax();
            weightsInRange[k2] = java.util.Arrays.stream(w[k2]).allMatch(v -> v >= -wmax && v <= wmax);
        }
        updateDraws = new int[n];
        denseRow = new boolean[s][n];
        unmaskedRow = new int[s][n];
        for (int k2 = 0; k2 < s; k2++)
            for (int j = 0; j < n; j++) {
                int unmasked = 0;
                for (int i = j * size[k2]; i < (j + 1) * size[k2]; i++) if (mask[k2][i] != 0) unmasked++;
                denseRow[k2][j] = unmasked == size[k2];
                unmaskedRow[k2][j] = unmasked;
                if (!fixed[k2]) updateDraws[j] += unmasked + (bias ? 1 : 0);
            }
        stepInvariant = new boolean[s];
        uShift = new int[s];
        for (int k2 = 0; k2 < s; k2++) uShift[k2] = inFrac + wf[k2] - productShift[k2] - af;
        SigmoidUnit sig = new SigmoidUnit(tables.sigmoid(), af, arch.luts().sigmoidRangeExp());
        engine = new NeuronEngine(arch, NeuronProgram.of(arch, k.kind()), k.engine(), sig);
        Log2Unit log2 = new Log2Unit(arch.numerics().log2().frac(), tables.log2Mantissa());
        coefficients = new CoefficientTable(arch, new SourceCells(s, bins), k, log2);
    }

    private static boolean lanesAvailable() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            return NeuronLanes.usable();
        } catch (LinkageError e) {
            return false; // listed but not linkable: the scalar path gives the same bits
        }
    }

    /**
     * Start of a per-sample learning batch: with {@code allowed} and when every learned source's
     * update is exact in int ({@link SampleUpdate#intExact}), the weights move into lanes until
     * {@link #endLanes}.
     */
    void beginLanes(boolean allowed) {
        if (!allowed) return;
        for (int k = 0; k < s; k++)
            if (!fixed[k] && !SampleUpdate.intExact(arch.numerics(), arch.updateShift(), wf[k] - arch.updateFracMin())) return;
        if (lanes == null) lanes = new NeuronLanes(this);
        lanes.load();
        lanesOn = true;
    }

    /** End of the batch: the weights back from the lanes (the boundary, state and inference read them here). */
    void endLanes() {
        if (!lanesOn) return;
        lanes.store();
        lanesOn = false;
    }

    /** Pre-draws {@code perSample} spike draws per sample for every neuron: [j][b*perSample + t]. */
    int[][] drawSpikes(int batch, int perSample) {
        int[][] d = new int[n][batch * perSample];
        if (perSample == 0) return d;
        forEachNeuron((long) batch * perSample, j -> {
            int x = prng[j];
            for (int i = 0; i < d[j].length; i++) d[j][i] = x = Xorshift32.next(x);
            prng[j] = x;
        });
        return d;
    }

    /**
     * One step of the layer over the batch. {@code in[k]} is source k's input [batch][size] (null = zeros).
     * Writes theta [b][j]; spikes [b][j] (±1 in input units) unless {@code spikes} is null. When
     * {@code last}, tracks max|u|, and with {@code learn} fills the histogram and keeps cells and slopes.
     * {@code firstStep}: the layer's first step of this run, which stores the sums of its
     * step-invariant sources; later steps reuse them (the weights do not change between the steps
     * of a run, so the sums are the same). {@code updateNow} (per-sample learning, last step, a
     * batch of 1): the layer applies its update ({@link SampleUpdate#group}) right after this pass;
     * nothing later in the sample reads this layer's weights, and each neuron's update draws follow
     * its spike draws, as in section 6.
     */
    void forward(int[][] in, int batch, boolean last, boolean learn, SpikeRule rule, int[][] draws, int perSample, int drawStep,
                 int[] theta, int[] spikes, SaturationCounters sat, boolean firstStep, boolean updateNow) {
        if (last && learn) {
            if (cell == null || cell.length != n * batch) {
                cell = new int[n * batch];
                slopes = new int[s][n * batch];
            }
            lastInputs = in;
        }
        if (firstStep) {
            if (invariantAcc == null || invariantAcc[0].length != n * batch) invariantAcc = new long[s][n * batch];
        }
        long work = 0;
        for (int k = 0; k < s; k++) work += size[k];
        Pass pass = new Pass(in, batch, last, learn, rule, draws, perSample, drawStep, theta, spikes, sat, firstStep);
        if (lanesOn && batch == 1) {
            lanes.inputs(in);
            // a vector of neurons per task: their sums, their engine steps, then (last step) their update
            forEach(lanes.chunks(), 2 * work * n, c -> {
                int[][] sums = new int[s][];
                for (int k = 0; k < s; k++)
                    if (in[k] != null && !(stepInvariant[k] && !firstStep)) sums[k] = lanes.sums(k, in[k], c);
                chunk(pass, c * NeuronLanes.LANES, Math.min(n, (c + 1) * NeuronLanes.LANES), sums, new Scratch());
                if (updateNow) lanes.update(c, sat);
            });
            return;
        }
        if (!updateNow) {
            forEachNeuron(work * n * batch, j -> neuron(pass, j, new Scratch()));
            return;
        }
        // one fork for the pass and the update: each task runs its group's forward passes, then their update
        int groups = (n + SampleUpdate.GROUP - 1) / SampleUpdate.GROUP;
        forEach(groups, 2 * work * n, g -> {
            int j0 = g * SampleUpdate.GROUP, j1 = Math.min(n, j0 + SampleUpdate.GROUP);
            Scratch scratch = new Scratch();
            for (int j = j0; j < j1; j++) neuron(pass, j, scratch);
            SampleUpdate.group(this, j0, j1, sat);
        });
    }

    /** The arguments of one {@link #forward} pass. */
    private record Pass(int[][] in, int batch, boolean last, boolean learn, SpikeRule rule, int[][] draws, int perSample, int drawStep,
                        int[] theta, int[] spikes, SaturationCounters sat, boolean firstStep) {}

    /** A task's registers and accumulators, reused neuron after neuron. */
    private record Scratch(int[] regs, long[] acc, int[] u, int[] f) {
        Scratch() {
            this(new int[REGS], new long[3], new int[3], new int[3]);
        }
    }

    /**
     * Neurons j0..j1-1 of a pass with a batch of 1 (a chunk of lanes), their dot products in
     * {@code sums[k][j]} (null: source k adds none, or is step-invariant after the first step):
     * the program runs once for the block, then each neuron's {@link #record}, as in {@link #neuron}.
     */
    private void chunk(Pass ps, int j0, int j1, int[][] sums, Scratch scratch) {
        NeuronEngine.Block blk = new NeuronEngine.Block(s, j1 - j0);
        for (int k = 0; k < s; k++) {
            long[] a = blk.acc[k];
            for (int j = j0; j < j1; j++) {
                if (stepInvariant[k] && !ps.firstStep) {
                    a[j - j0] = invariantAcc[k][j];
                    continue;
                }
                a[j - j0] = (b[k][j] >> productShift[k]) + (sums[k] != null ? sums[k][j] : 0);
                if (stepInvariant[k] && ps.firstStep) invariantAcc[k][j] = a[j - j0];
            }
        }
        engine.forward(blk, uShift, ps.last && ps.learn, j1 - j0, ps.sat);
        int[] u = scratch.u, f = scratch.f;
        for (int j = j0; j < j1; j++) {
            for (int k = 0; k < s; k++) {
                u[k] = blk.regs[U[k]][j - j0];
                f[k] = blk.regs[F[k]][j - j0];
            }
            record(ps, j, 0, u, blk.regs[TH][j - j0], f);
        }
    }

    /** Neuron j's part of a forward pass, sample by sample. */
    private void neuron(Pass ps, int j, Scratch scratch) {
        int[][] in = ps.in;
        int batch = ps.batch;
        int[] regs = scratch.regs, u = scratch.u, f = scratch.f;
        long[] acc = scratch.acc;
        for (int bi = 0; bi < batch; bi++) {
            for (int k = 0; k < s; k++) {
                if (stepInvariant[k] && !ps.firstStep) {
                    acc[k] = invariantAcc[k][j * batch + bi];
                    continue;
                }
                int sz = size[k];
                int p = productShift[k];
                acc[k] = b[k][j] >> p;
                if (in[k] != null) acc[k] += p == 0 ? dot(in[k], bi * sz, w[k], j * sz, sz) : dotShifted(in[k], bi * sz, w[k], j * sz, sz, p);
                if (stepInvariant[k] && ps.firstStep) invariantAcc[k][j * batch + bi] = acc[k];
            }
            engine.forward(acc, uShift, ps.last && ps.learn, regs, ps.sat);
            for (int k = 0; k < s; k++) {
                u[k] = regs[U[k]];
                f[k] = regs[F[k]];
            }
            record(ps, j, bi, u, regs[TH], f);
        }
    }

    /**
     * Neuron j's results for sample bi from its registers (u per source, theta, slopes): theta,
     * its spike, and in a learning pass's last step max|u|, the histogram cell, cell and slopes.
     */
    private void record(Pass ps, int j, int bi, int[] u, int th, int[] f) {
        int batch = ps.batch;
        SaturationCounters sat = ps.sat;
        SpikeRule rule = ps.rule;
        int[] theta = ps.theta, spikes = ps.spikes;
        theta[bi * n + j] = th;
        if (spikes != null) {
            boolean on = rule == SpikeRule.STOCHASTIC
                    ? Integer.compareUnsigned(ps.draws[j][bi * ps.perSample + ps.drawStep] >>> (32 - thetaBits), th) < 0
                    : th > thetaHalf;
            spikes[bi * n + j] = on ? spikeOne : -spikeOne;
        }
        if (!ps.last || !ps.learn) return; // inference touches no learning state
        int c = 0;
        for (int k = 0; k < s; k++) {
            int a = Math.abs(u[k]);
            if (a > maxAbs[j * s + k]) maxAbs[j * s + k] = a;
            c = c * bins + bin(u[k], rangeExp[j * s + k]);
        }
        int h = j * cells + c;
        if (counts[h] == (1 << arch.numerics().count().bits()) - 1) sat.event(SaturationCounters.COUNT);
        else counts[h]++;
        softSums[h] = sat.saturate((long) softSums[h] + th, arch.numerics().softSum(), SaturationCounters.SOFT_SUM);
        cell[j * batch + bi] = c;
        for (int k = 0; k < s; k++) slopes[k][j * batch + bi] = f[k];
    }

    private static final int REGS = NeuronProgram.Reg.values().length;

    /** Below this many operations a layer's pass runs on the calling thread: a fork costs more than it saves. */
    private static final long PARALLEL_WORK = 16_384;

    /** Runs {@code body} for every neuron; in parallel when the pass is large enough (neurons are independent). */
    void forEachNeuron(long work, java.util.function.IntConsumer body) {
        forEach(n, work, body);
    }

    /**
     * Runs {@code body} for 0..count-1, in parallel when {@code work} (operations in all) is large
     * enough: indices claimed one at a time by the caller and the {@link ResidentHelper}, so a
     * helper that a busy machine puts to sleep holds up at most one index.
     */
    static void forEach(int count, long work, java.util.function.IntConsumer body) {
        if (work < PARALLEL_WORK || count == 1 || serial()) for (int j = 0; j < count; j++) body.accept(j);
        else ResidentHelper.forEach(count, body);
    }

    /** One core, or a caller confined to a fork-join pool of one thread. */
    private static boolean serial() {
        java.util.concurrent.ForkJoinPool pool = java.util.concurrent.ForkJoinTask.getPool();
        return CORES == 1 || pool != null && pool.getParallelism() == 1;
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static final int[] U = {NeuronProgram.Reg.R.ordinal(), NeuronProgram.Reg.C.ordinal(), NeuronProgram.Reg.L.ordinal()};
    private static final int[] F = {NeuronProgram.Reg.F0.ordinal(), NeuronProgram.Reg.F1.ordinal(), NeuronProgram.Reg.F2.ordinal()};
    private static final int TH = NeuronProgram.Reg.TH.ordinal();

    /** docs section 3: {@link Fixed#bin}. */
    int bin(int u, int e) {
        return Fixed.bin(u, e, af, binsExp);
    }

    /** Exact: the load check guarantees that the sum fits the accumulator (at most 32 bits). */
    /** docs section 2.1: each product floor-shifted by the source's product shift before it is added. */
    static int dotShifted(int[] x, int xo, int[] w, int wo, int len, int shift) {
        int sum = 0;
        for (int i = 0; i < len; i++) sum += (x[xo + i] * w[wo + i]) >> shift;
        return sum;
    }

    static int dot(int[] x, int xo, int[] w, int wo, int len) {
        int sum = 0;
        for (int i = 0; i < len; i++) sum += x[xo + i] * w[wo + i];
        return sum;
    }

    /** docs section 3: e = ceil(log2 max|u|) in real units, clamped; then the maxima are reset. */
    void updateRanges() {
        BinRange r = arch.learning().ranges().of(s);
        int min = r.minExp(), max = r.maxExp();
        for (int i = 0; i < maxAbs.length; i++) {
            int m = maxAbs[i];
            rangeExp[i] = Fixed.rangeExp(m, af, min, max);
            maxAbs[i] = 0;
        }
    }

    DeviceState.LayerState state() {
        List<int[]> ws = new ArrayList<>(), bs = new ArrayList<>(), gs = new ArrayList<>();
        for (int k = 0; k < s; k++) {
            ws.add(w[k].clone());
            bs.add(b[k].clone());
            int[] g = java.util.Arrays.copyOf(gw[k], gw[k].length + n);
            System.arraycopy(gb[k], 0, g, gw[k].length, n);
            gs.add(g);
        }
        for (int k = 0; k < s; k++) {
            if (vw[k] == null) continue;
            int[] v = java.util.Arrays.copyOf(vw[k], vw[k].length + n);
            System.arraycopy(vb[k], 0, v, vw[k].length, n);
            gs.add(v);
        }
        return new DeviceState.LayerState(name, ws, bs, gs, counts.clone(), softSums.clone(), table.clone(),
                rangeExp.clone(), maxAbs.clone(), prng.clone());
    }
}
