package org.infomorph.runtime.reference;

import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.NeuronProgram;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.fixed.Xorshift32;

/**
 * The per-sample update (docs/llu-rule.md section 6, {@code PER_SAMPLE}): after a learning
 * sample's last step, each neuron's errors e_k from the previous batch's table and its slopes,
 * then every unmasked weight of a learned source moves by
 * {@code (e_k * (x_i << (weightFrac_k - updateFracMin)) + (d mod 2^S)) >> S}, d a fresh draw, and
 * the bias by {@code (e_k * (2^input.frac << (weightFrac_k - updateFracMin)) + (d mod 2^(S - input.frac))) >> (S - input.frac)}.
 * Weights saturate to [-weightMax, weightMax], biases to their field.
 *
 * <p>Speed without changing a bit: a neuron's draws form one serial xorshift chain, so the chains
 * of {@link #GROUP} neurons are drawn together (independent chains overlap in the CPU), and the
 * steps of each run of unmasked weights are a branch-free int loop that the JIT vectorises
 * (exact in int when {@link #intExact} holds).
 */
final class SampleUpdate {
    private SampleUpdate() {}

    /** Neurons whose PRNG chains are drawn together. */
    static final int GROUP = 4;

    private static final ThreadLocal<int[][]> DRAWS = ThreadLocal.withInitial(() -> new int[GROUP][0]);

    /**
     * The update of neurons j0..j1-1 (at most {@link #GROUP}) after the layer ran one learning
     * sample (a batch of 1): their draws, then each neuron's steps. Cells, slopes and inputs are
     * that sample's; only these neurons' weights, biases and PRNGs change.
     */
    static void group(NeuronLayer L, int j0, int j1, SaturationCounters sat) {
        int[][] d = DRAWS.get();
        int len = 0;
        for (int j = j0; j < j1; j++) len = Math.max(len, L.updateDraws[j]);
        if (d[0].length < len) {
            for (int g = 0; g < GROUP; g++) d[g] = new int[len];
        }
        draw(L, j0, j1, d);
        int[] regs = new int[NeuronProgram.Reg.values().length];
        for (int j = j0; j < j1; j++) neuron(L, j, d[j - j0], regs, sat);
    }

    /** Fills d[j - j0] with neuron j's updateDraws[j] next PRNG states and advances its PRNG. */
    private static void draw(NeuronLayer L, int j0, int j1, int[][] d) {
        int common = Integer.MAX_VALUE;
        for (int j = j0; j < j1; j++) common = Math.min(common, L.updateDraws[j]);
        int t0 = 0;
        if (j1 - j0 == GROUP) {
            int a = L.prng[j0], b = L.prng[j0 + 1], c = L.prng[j0 + 2], e = L.prng[j0 + 3];
            int[] da = d[0], db = d[1], dc = d[2], de = d[3];
            for (int t = 0; t < common; t++) {
                da[t] = a = Xorshift32.next(a);
                db[t] = b = Xorshift32.next(b);
                dc[t] = c = Xorshift32.next(c);
                de[t] = e = Xorshift32.next(e);
            }
            t0 = common;
        }
        for (int j = j0; j < j1; j++) {
            int[] dj = d[j - j0];
            int x = t0 == 0 ? L.prng[j] : dj[t0 - 1];
            for (int t = t0; t < L.updateDraws[j]; t++) dj[t] = x = Xorshift32.next(x);
            if (L.updateDraws[j] > 0) L.prng[j] = dj[L.updateDraws[j] - 1];
        }
    }

    /** Neuron j's steps with its draws {@code d} in section 6's order. */
    private static void neuron(NeuronLayer L, int j, int[] d, int[] regs, SaturationCounters sat) {
        ArchConfig arch = L.arch;
        Numerics num = arch.numerics();
        int s = arch.updateShift(), inFrac = num.input().frac(), sb = s - inFrac, fracMin = arch.updateFracMin();
        long maskB = (1L << sb) - 1;
        int wmax = num.weightMax();
        int tab = L.table[j * L.cells + L.cell[j]];
        int t = 0, saturated = 0;
        for (int k = 0; k < L.s; k++) {
            if (L.fixed[k]) continue;
            int e = L.engine.error(k, tab, L.slopes[k][j], regs, sat);
            int sh = L.wf[k] - fracMin, sz = L.size[k];
            int[] x = L.lastInputs[k], w = L.w[k], m = L.mask[k];
            int base = j * sz;
            int unmasked = L.denseRow[k][j] ? sz : L.unmaskedRow[k][j];
            if ((x == null || e == 0) && L.weightsInRange[k]) {
                // every step is (d mod 2^S) >> S = 0, and the clamp is a no-op for weights loaded in range
                t += unmasked;
            } else if (x != null && intExact(num, s, sh)) {
                // runs of unmasked weights, each branch-free
                for (int i = 0; i < sz; ) {
                    if (m[base + i] == 0) {
                        i++;
                        continue;
                    }
                    int r = i + 1;
                    while (r < sz && m[base + r] != 0) r++;
                    saturated += denseRow(w, base + i, x, i, r - i, d, t, e, sh, s, wmax);
                    t += r - i;
                    i = r;
                }
            } else {
                long maskW = (1L << s) - 1;
                for (int i = base, xi = 0; i < base + sz; i++, xi++) {
                    if (m[i] == 0) continue;
                    long xs = x == null ? 0 : (long) x[xi] << sh;
                    long v = w[i] + ((e * xs + (d[t++] & maskW)) >> s);
                    if (v > wmax || v < -wmax) {
                        saturated++;
                        v = v > wmax ? wmax : -wmax;
                    }
                    w[i] = (int) v;
                }
            }
            if (L.bias) {
                long step = ((long) e * (1L << (inFrac + sh)) + (d[t++] & maskB)) >> sb;
                Field bf = num.bias(L.wf[k]);
                L.b[k][j] = sat.saturate(L.b[k][j] + step, bf, SaturationCounters.BIAS);
            }
        }
        if (saturated > 0) sat.add(SaturationCounters.WEIGHT, saturated);
    }

    /** Whether e * (x << sh) + (d mod 2^S) fits an int for every e in error and x in input: then int arithmetic is exact. */
    static boolean intExact(Numerics num, int s, int sh) {
        long p = (1L << (num.error().bits() - 1)) * (1L << (num.input().bits() - 1)) << sh;
        return s <= 30 && p + (1L << s) - 1 <= Integer.MAX_VALUE;
    }

    /** One unmasked row in int arithmetic, branch-free (vectorised by the JIT); returns the saturations. */
    static int denseRow(int[] w, int base, int[] x, int xo, int len, int[] d, int t, int e, int sh, int s, int wmax) {
        int mask = (1 << s) - 1, saturated = 0;
        for (int i = 0; i < len; i++) {
            int v = w[base + i] + ((e * (x[xo + i] << sh) + (d[t + i] & mask)) >> s);
            int c = Math.max(-wmax, Math.min(wmax, v));
            w[base + i] = c;
            int diff = v - c;
            saturated += (diff | -diff) >>> 31;
        }
        return saturated;
    }

    /** The batch boundary of a per-sample layer (section 7): the next table from the histogram, cleared, then the ranges. */
    static void boundary(NeuronLayer L, SaturationCounters sat) {
        NeuronLayer.forEach(L.n, (long) L.n * L.cells * 64, j -> {
            int off = j * L.cells;
            L.coefficients.compute(L.counts, L.softSums, off, L.table, off, sat);
            java.util.Arrays.fill(L.counts, off, off + L.cells, 0);
            java.util.Arrays.fill(L.softSums, off, off + L.cells, 0);
        });
        L.updateRanges();
        L.cell = null;
        L.slopes = null;
        L.lastInputs = null;
    }
}
