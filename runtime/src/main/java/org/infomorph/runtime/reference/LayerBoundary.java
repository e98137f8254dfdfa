package org.infomorph.runtime.reference;

import java.util.stream.IntStream;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.fixed.Fixed;
import org.infomorph.compiler.fixed.Xorshift32;

import static org.infomorph.compiler.fixed.Fixed.roundShift;

/**
 * The learning batch boundary of one ACCUMULATE layer (docs/llu-rule.md sections 5-7): the table, the
 * per-sample errors and gradient accumulators, the SGD update with stochastic rounding and
 * optional momentum, the binning ranges, and clearing the histogram.
 */
final class LayerBoundary {
    private LayerBoundary() {}

    static void run(NeuronLayer L, int batch, SaturationCounters sat) {
        ArchConfig arch = L.arch;
        Numerics num = arch.numerics();
        boolean same = arch.learning().table() == TableMode.SAME_BATCH;
        int inFrac = num.input().frac();
        Field grad = num.gradient();
        long bound = (long) batch << (num.error().bits() - 1 + Math.max(num.input().bits() - 1, inFrac));
        boolean exact = bound <= grad.max();
        IntStream.range(0, L.n).parallel().forEach(j -> {
            int off = j * L.cells;
            if (same) L.coefficients.compute(L.counts, L.softSums, off, L.table, off, sat);
            for (int k = 0; k < L.s; k++) {
                if (L.fixed[k]) continue;
                int sz = L.size[k];
                int[] x = L.lastInputs[k], g = L.gw[k];
                for (int bi = 0; bi < batch; bi++) {
                    int idx = j * batch + bi;
                    int e = L.engine.error(k, L.table[off + L.cell[idx]], L.slopes[k][idx], sat);
                    if (e == 0) continue;
                    L.gb[k][j] = sat.saturate((long) L.gb[k][j] + ((long) e << inFrac), grad, SaturationCounters.GRADIENT);
                    if (x == null) continue;
                    if (exact) accumulate(g, j * sz, e, x, bi * sz, sz);
                    else for (int i = 0; i < sz; i++)
                        g[j * sz + i] = sat.saturate((long) g[j * sz + i] + (long) e * x[bi * sz + i], grad, SaturationCounters.GRADIENT);
                }
            }
            if (!same) L.coefficients.compute(L.counts, L.softSums, off, L.table, off, sat);
            update(L, j, sat);
            java.util.Arrays.fill(L.counts, off, off + L.cells, 0);
            java.util.Arrays.fill(L.softSums, off, off + L.cells, 0);
        });
        L.updateRanges();
        L.cell = null;
        L.slopes = null;
        L.lastInputs = null;
    }

    /** g[go..go+len) += e * x[xo..xo+len); exact because the batch bound fits the gradient width. */
    static void accumulate(int[] g, int go, int e, int[] x, int xo, int len) {
        for (int i = 0; i < len; i++) g[go + i] += e * x[xo + i];
    }

    /** docs section 6: one PRNG draw per updated parameter, sources in order, weights ascending, then the bias. */
    private static void update(NeuronLayer L, int j, SaturationCounters sat) {
        ArchConfig arch = L.arch;
        Numerics num = arch.numerics();
        int lr = arch.learning().learningRateExp(), bExp = arch.learning().batchExp(), mShift = arch.learning().momentumShift();
        int ef = num.error().frac(), inFrac = num.input().frac();
        int state = L.prng[j];
        for (int k = 0; k < L.s; k++) {
            if (L.fixed[k]) continue;
            int sz = L.size[k], wfk = L.wf[k];
            int sw = ef + inFrac + bExp - lr - wfk;
            int wmax = num.weightMax();
            int[] w = L.w[k], g = L.gw[k], m = L.mask[k], v = L.vw[k];
            for (int i = j * sz; i < (j + 1) * sz; i++) {
                if (m[i] == 0) {
                    g[i] = 0;
                    continue;
                }
                state = Xorshift32.next(state);
                long d = step(Fixed.stochasticShift(g[i], state, sw), v, i, mShift, sat);
                w[i] = (int) sat.saturate(w[i] + d, -wmax, wmax, SaturationCounters.WEIGHT);
                g[i] = 0;
            }
            if (L.bias) {
                state = Xorshift32.next(state);
                long d = step(Fixed.stochasticShift(L.gb[k][j], state, ef + bExp - lr - wfk), L.vb[k], j, mShift, sat);
                L.b[k][j] = sat.saturate(L.b[k][j] + d, num.bias(wfk), SaturationCounters.BIAS);
            }
            L.gb[k][j] = 0;
        }
        L.prng[j] = state;
    }

    /** Momentum: v = v - (v >> M) + delta (saturated to the gradient width), applied instead of delta. */
    private static long step(long delta, int[] v, int i, int mShift, SaturationCounters sat) {
        if (mShift == 0 || v == null) return delta;
        long nv = (long) v[i] - (v[i] >> mShift) + delta;
        v[i] = (int) sat.saturate(nv, Integer.MIN_VALUE, Integer.MAX_VALUE, SaturationCounters.MOMENTUM);
        return v[i];
    }
}
