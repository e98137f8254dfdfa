package org.infomorph.runtime.reference;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.fixed.Xorshift32;

/**
 * A layer's per-sample learning with one neuron per vector lane (jdk.incubator.vector): the
 * forward sums and the update (docs/llu-rule.md section 6) of {@link #LANES} neurons at once, on
 * weights transposed to input-major order for the batch ({@link #load}, {@link #store}).
 *
 * <p>Same bits as {@link SampleUpdate}: every lane runs its own neuron's xorshift chain and takes
 * exactly that neuron's draws in section 6's order, a lane at a masked weight neither draws nor
 * moves; int sums wrap the same in any order. Only touched when {@link NeuronLayer#LANES}.
 */
final class NeuronLanes {
    private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
    static final int LANES = S.length();

    private final NeuronLayer layer;
    /** neurons padded to whole vectors */
    final int np;
    /**
     * per source and chunk: the chunk's weights [i * LANES + lane]; padding lanes hold 0. A chunk
     * owns its array: chunks run on both cores, and weights of two chunks in one cache line would
     * bounce between them at every update.
     */
    private final int[][][] wt;
    /** per source and chunk: -1 where w[j][i] is unmasked, 0 where masked or padding; null when every neuron's row is dense */
    private final int[][][] unmasked;
    /**
     * per chunk, per source [j]: this sample's sums (forward) and errors (update); per chunk [j]: the
     * PRNG chains being drawn. Each chunk has its own arrays: chunks run on both cores, and a cache
     * line written by both would bounce between them.
     */
    private final int[][][] sums, errors;
    private final int[][] chain;
    /** per chunk: one source's draws [i * LANES + lane] */
    private final int[][] draws;
    /** per source: the positions of this pass's non-zero inputs (the last pass's are the update's), and their count */
    private final int[][] nonZero;
    private final int[] nonZeros;
    /** 0, 1, ..., the largest source size - 1 */
    private final int[] every;

    /**
     * Whether lanes can run: the module is loaded ({@code --add-modules jdk.incubator.vector}, as
     * the launcher and surefire do) and links. Else layers keep their scalar path, with the same
     * bits. Call through {@link NeuronLayer#LANES}: without the module this class cannot load.
     */
    static boolean usable() {
        return LANES >= 4;
    }

    NeuronLanes(NeuronLayer layer) {
        this.layer = layer;
        int n = layer.n, s = layer.s;
        np = (n + LANES - 1) / LANES * LANES;
        wt = new int[s][np / LANES][];
        unmasked = new int[s][][];
        sums = new int[np / LANES][s][np];
        errors = new int[np / LANES][s][np];
        chain = new int[np / LANES][np];
        int maxSize = java.util.Arrays.stream(layer.size).max().orElse(0);
        draws = new int[np / LANES][maxSize * LANES];
        nonZero = new int[s][maxSize];
        nonZeros = new int[s];
        every = java.util.stream.IntStream.range(0, maxSize).toArray();
        for (int k = 0; k < s; k++) {
            int sz = layer.size[k];
            for (int c = 0; c < np / LANES; c++) wt[k][c] = new int[sz * LANES];
            boolean dense = true;
            for (int j = 0; j < n; j++) dense &= layer.denseRow[k][j];
            if (dense) continue;
            unmasked[k] = new int[np / LANES][sz * LANES];
            for (int j = 0; j < n; j++)
                for (int i = 0; i < sz; i++) unmasked[k][j / LANES][i * LANES + j % LANES] = layer.mask[k][j * sz + i] != 0 ? -1 : 0;
        }
    }

    /** Vectors of lanes per layer: the pieces of a pass. */
    int chunks() {
        return np / LANES;
    }

    /** The layer's weights into lane order (start of a batch). */
    void load() {
        copy(true);
    }

    /** The lane-order weights back into the layer (end of a batch). */
    void store() {
        copy(false);
    }

    private void copy(boolean intoLanes) {
        for (int k = 0; k < layer.s; k++) {
            int sz = layer.size[k];
            int[] w = layer.w[k];
            for (int j = 0; j < layer.n; j++) {
                int[] t = wt[k][j / LANES];
                for (int i = 0; i < sz; i++) {
                    if (intoLanes) t[i * LANES + j % LANES] = w[j * sz + i];
                    else w[j * sz + i] = t[i * LANES + j % LANES];
                }
            }
        }
    }

    /**
     * Source k's sums sum_i (x_i * w[j][i]) >> productShift for the lanes of chunk c, x the
     * sample's input (a batch of 1). Zero inputs add nothing and are skipped.
     */
    int[] sums(int k, int[] x, int c) {
        int j0 = c * LANES, p = layer.productShift[k];
        int[] t = wt[k][c], idx = nonZero[k];
        int nz = nonZeros[k];
        IntVector acc = IntVector.zero(S);
        // loops without branches or a choice of vectors: only then does C2 keep the vectors in registers (JDK 17)
        if (p == 0) {
            for (int q = 0; q < nz; q++) acc = acc.add(IntVector.fromArray(S, t, idx[q] * LANES).mul(x[idx[q]]));
        } else {
            for (int q = 0; q < nz; q++)
                acc = acc.add(IntVector.fromArray(S, t, idx[q] * LANES).mul(x[idx[q]]).lanewise(VectorOperators.ASHR, p));
        }
        acc.intoArray(sums[c][k], j0);
        return sums[c][k];
    }

    /** Once per pass, before its chunks: the positions of each source's non-zero inputs (a batch of 1; null = zeros). */
    void inputs(int[][] in) {
        for (int k = 0; k < layer.s; k++) {
            int nz = 0;
            if (in[k] != null)
                for (int i = 0; i < layer.size[k]; i++) if (in[k][i] != 0) nonZero[k][nz++] = i;
            nonZeros[k] = nz;
        }
    }

    /**
     * The per-sample update of chunk c's neurons (after their last forward pass): errors from the
     * previous table and this sample's slopes, then source by source every unmasked weight in
     * input order with one draw each, then the source's bias.
     */
    void update(int c, SaturationCounters sat) {
        NeuronLayer L = layer;
        Numerics num = L.arch.numerics();
        int j0 = c * LANES, j1 = Math.min(L.n, j0 + LANES);
        int s = L.arch.updateShift(), inFrac = num.input().frac(), sb = s - inFrac, fracMin = L.arch.updateFracMin();
        int wmax = num.weightMax();
        long maskB = (1L << sb) - 1;
        int[] regs = new int[org.infomorph.compiler.arch.NeuronProgram.Reg.values().length];
        for (int k = 0; k < L.s; k++) {
            if (L.fixed[k]) continue;
            for (int j = j0; j < j1; j++) errors[c][k][j] = L.engine.error(k, L.table[j * L.cells + L.cell[j]], L.slopes[k][j], regs, sat);
        }
        int[] chain = this.chain[c];
        int[][] errors = this.errors[c];
        System.arraycopy(L.prng, j0, chain, j0, j1 - j0);
        int saturated = 0;
        for (int k = 0; k < L.s; k++) {
            if (L.fixed[k]) continue;
            int sh = L.wf[k] - fracMin;
            int[] x = L.lastInputs[k];
            int sz = L.size[k];
            if (x == null) x = new int[sz];
            int[] d = draws[c];
            // x = 0 steps by (d mod 2^S) >> S = 0, and weights loaded in range stay there: only the chains move
            int[] idx = L.weightsInRange[k] ? nonZero[k] : every;
            int count = L.weightsInRange[k] ? nonZeros[k] : sz;
            if (4 * count >= 3 * sz) {
                // few zeros: draw and step at every input in one loop, so the CPU overlaps the chain with the
                // steps; a zero input's step is then computed, and is 0 (or the clamp of all inputs anyway)
                saturated += unmasked[k] == null
                        ? fusedDense(chain, wt[k][c], x, sz, j0, errors[k], sh, s, wmax)
                        : fusedMasked(chain, wt[k][c], unmasked[k][c], x, sz, j0, errors[k], sh, s, wmax);
            } else { // all draws first, then the steps of the non-zero inputs only
                if (unmasked[k] == null) drawDense(chain, j0, sz, d);
                else drawMasked(chain, j0, sz, unmasked[k][c], d);
                saturated += unmasked[k] == null
                        ? stepsDense(wt[k][c], x, idx, count, d, j0, errors[k], sh, s, wmax)
                        : stepsMasked(wt[k][c], unmasked[k][c], x, idx, count, d, j0, errors[k], sh, s, wmax);
            }
            if (L.bias) {
                for (int j = j0; j < j1; j++) chain[j] = Xorshift32.next(chain[j]);
                Field bf = num.bias(L.wf[k]);
                for (int j = j0; j < j1; j++) {
                    long step = ((long) errors[k][j] * (1L << (inFrac + sh)) + (chain[j] & maskB)) >> sb;
                    L.b[k][j] = sat.saturate(L.b[k][j] + step, bf, SaturationCounters.BIAS);
                }
            }
        }
        System.arraycopy(chain, j0, L.prng, j0, j1 - j0);
        if (saturated > 0) sat.add(SaturationCounters.WEIGHT, saturated);
    }

    /**
     * The draws of one source for a chunk: {@code d[i * LANES + lane]} the lane's draw for input i,
     * one xorshift step per input (every real lane's row is unmasked; padding lanes draw too and
     * their steps are 0). The chains are {@code chain[j0..j0+LANES-1]}, before and after. (No vector
     * crosses a method boundary: C2 would box it.)
     */
    static void drawDense(int[] chain, int j0, int len, int[] d) {
        IntVector st = IntVector.fromArray(S, chain, j0);
        for (int i = 0; i < len; i++) {
            st = next(st);
            st.intoArray(d, i * LANES);
        }
        st.intoArray(chain, j0);
    }

    /** As {@link #drawDense}, where lane j steps its chain only where {@code m[i * LANES + j - j0] = -1} (w[j][i] unmasked). */
    static void drawMasked(int[] chain, int j0, int len, int[] m, int[] d) {
        IntVector st = IntVector.fromArray(S, chain, j0);
        for (int i = 0; i < len; i++) {
            IntVector um = IntVector.fromArray(S, m, i * LANES);
            st = st.lanewise(VectorOperators.XOR, next(st).lanewise(VectorOperators.XOR, st).and(um));
            st.intoArray(d, i * LANES);
        }
        st.intoArray(chain, j0);
    }

    /**
     * One source's weights of a chunk at the inputs idx[0..count-1], with the draws d: each lane steps
     * {@code w = clamp(w + (e * (x << sh) + (d mod 2^S)) >> S)} (exact in int: {@link SampleUpdate#intExact}),
     * every lane's weight unmasked. Lane-wise arithmetic only, no branches, vector masks or
     * merges: C2 compiles that to plain vector code. Padding lanes have e = 0 and w = 0: they step
     * by 0 and never saturate. Returns the saturations.
     */
    static int stepsDense(int[] t, int[] x, int[] idx, int count, int[] d, int j0, int[] errors, int sh, int s, int wmax) {
        IntVector sat = IntVector.zero(S), e = IntVector.fromArray(S, errors, j0);
        int maskS = (1 << s) - 1;
        for (int q = 0; q < count; q++) {
            int i = idx[q], off = i * LANES;
            IntVector w = IntVector.fromArray(S, t, off);
            IntVector v = w.add(e.mul(x[i] << sh).add(IntVector.fromArray(S, d, i * LANES).and(maskS)).lanewise(VectorOperators.ASHR, s));
            IntVector c = v.max(-wmax).min(wmax);
            sat = sat.add(differs(v, c));
            c.intoArray(t, off);
        }
        return sat.reduceLanes(VectorOperators.ADD);
    }

    /** As {@link #stepsDense}, where only lanes with {@code m[i * LANES + j - j0] = -1} (w[j][i] unmasked) move. */
    static int stepsMasked(int[] t, int[] m, int[] x, int[] idx, int count, int[] d, int j0, int[] errors, int sh, int s, int wmax) {
        IntVector sat = IntVector.zero(S), e = IntVector.fromArray(S, errors, j0);
        int maskS = (1 << s) - 1;
        for (int q = 0; q < count; q++) {
            int i = idx[q], off = i * LANES;
            IntVector w = IntVector.fromArray(S, t, off), um = IntVector.fromArray(S, m, off);
            IntVector v = w.add(e.mul(x[i] << sh).add(IntVector.fromArray(S, d, i * LANES).and(maskS)).lanewise(VectorOperators.ASHR, s));
            IntVector c = v.max(-wmax).min(wmax);
            sat = sat.add(differs(v, c).and(um));
            w.add(c.sub(w).and(um)).intoArray(t, off);
        }
        return sat.reduceLanes(VectorOperators.ADD);
    }

    /** {@link #drawDense} and {@link #stepsDense} at every input in one loop; returns the saturations. */
    static int fusedDense(int[] chain, int[] t, int[] x, int len, int j0, int[] errors, int sh, int s, int wmax) {
        IntVector st = IntVector.fromArray(S, chain, j0), sat = IntVector.zero(S), e = IntVector.fromArray(S, errors, j0);
        int maskS = (1 << s) - 1;
        for (int i = 0; i < len; i++) {
            st = next(st);
            int off = i * LANES;
            IntVector w = IntVector.fromArray(S, t, off);
            IntVector v = w.add(e.mul(x[i] << sh).add(st.and(maskS)).lanewise(VectorOperators.ASHR, s));
            IntVector c = v.max(-wmax).min(wmax);
            sat = sat.add(differs(v, c));
            c.intoArray(t, off);
        }
        st.intoArray(chain, j0);
        return sat.reduceLanes(VectorOperators.ADD);
    }

    /** {@link #drawMasked} and {@link #stepsMasked} at every input in one loop; returns the saturations. */
    static int fusedMasked(int[] chain, int[] t, int[] m, int[] x, int len, int j0, int[] errors, int sh, int s, int wmax) {
        IntVector st = IntVector.fromArray(S, chain, j0), sat = IntVector.zero(S), e = IntVector.fromArray(S, errors, j0);
        int maskS = (1 << s) - 1;
        for (int i = 0; i < len; i++) {
            int off = i * LANES;
            IntVector um = IntVector.fromArray(S, m, off);
            st = st.lanewise(VectorOperators.XOR, next(st).lanewise(VectorOperators.XOR, st).and(um));
            IntVector w = IntVector.fromArray(S, t, off);
            IntVector v = w.add(e.mul(x[i] << sh).add(st.and(maskS)).lanewise(VectorOperators.ASHR, s));
            IntVector c = v.max(-wmax).min(wmax);
            sat = sat.add(differs(v, c).and(um));
            w.add(c.sub(w).and(um)).intoArray(t, off);
        }
        st.intoArray(chain, j0);
        return sat.reduceLanes(VectorOperators.ADD);
    }

    /** 1 in the lanes where a != b, else 0. */
    private static IntVector differs(IntVector a, IntVector b) {
        return a.sub(b).abs().min(1);
    }

    /** xorshift32 ({@link org.infomorph.compiler.fixed.Xorshift32#next}) in every lane. */
    static IntVector next(IntVector x) {
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHL, 13));
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 17));
        return x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHL, 5));
    }
}
