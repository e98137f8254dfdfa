package org.infomorph.runtime.reference;

import java.util.stream.IntStream;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.fixed.Xorshift32;

/**
 * The per-sample update (docs/llu-rule.md section 6, {@code PER_SAMPLE}): after a learning
 * sample's last step, each neuron's errors e_k from the previous batch's table and its slopes,
 * then every unmasked weight of a learned source moves by
 * {@code (e_k * (x_i << (weightFrac_k - updateFracMin)) + (d mod 2^S)) >> S}, d a fresh draw, and
 * the bias by {@code (e_k * (2^input.frac << (weightFrac_k - updateFracMin)) + (d mod 2^(S - input.frac))) >> (S - input.frac)}.
 * Weights saturate to [-weightMax, weightMax], biases to their field.
 */
final class SampleUpdate {
    private SampleUpdate() {}

    /** The layer just ran one learning sample (a batch of 1): cell, slopes and inputs are those of that sample. */
    static void apply(NeuronLayer L, SaturationCounters sat) {
        ArchConfig arch = L.arch;
        Numerics num = arch.numerics();
        int s = arch.updateShift(), inFrac = num.input().frac(), sb = s - inFrac, fracMin = arch.updateFracMin();
        long maskW = (1L << s) - 1, maskB = (1L << sb) - 1;
        int wmax = num.weightMax();
        IntStream.range(0, L.n).parallel().forEach(j -> {
            int tab = L.table[j * L.cells + L.cell[j]];
            int state = L.prng[j];
            for (int k = 0; k < L.s; k++) {
                if (L.fixed[k]) continue;
                int e = L.engine.error(k, tab, L.slopes[k][j], sat);
                int sh = L.wf[k] - fracMin, sz = L.size[k];
                int[] x = L.lastInputs[k], w = L.w[k], m = L.mask[k];
                for (int i = j * sz, xi = 0; i < (j + 1) * sz; i++, xi++) {
                    if (m[i] == 0) continue;
                    state = Xorshift32.next(state);
                    long xs = x == null ? 0 : (long) x[xi] << sh;
                    long d = ((long) e * xs + (state & maskW)) >> s;
                    long v = w[i] + d;
                    if (v > wmax || v < -wmax) {
                        sat.event(SaturationCounters.WEIGHT);
                        v = v > wmax ? wmax : -wmax;
                    }
                    w[i] = (int) v;
                }
                if (L.bias) {
                    state = Xorshift32.next(state);
                    long d = ((long) e * (1L << (inFrac + sh)) + (state & maskB)) >> sb;
                    Field bf = num.bias(L.wf[k]);
                    L.b[k][j] = sat.saturate(L.b[k][j] + d, bf, SaturationCounters.BIAS);
                }
            }
            L.prng[j] = state;
        });
    }

    /** The batch boundary of a per-sample layer (section 7): the next table from the histogram, cleared, then the ranges. */
    static void boundary(NeuronLayer L, SaturationCounters sat) {
        IntStream.range(0, L.n).parallel().forEach(j -> {
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
