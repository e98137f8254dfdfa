package org.infomorph.runtime.reference;

/**
 * The cell layout of a neuron's histogram: {@code bins^n} cells, row-major over the sources, and
 * for every source subset A (a mask) the row of each cell in the marginal over A.
 */
public final class SourceCells {
    final int sources;
    final int bins;
    final int cells;
    final int full;
    /** [mask][cell] -> row of the marginal over the sources in mask */
    final int[][] row;
    /** [mask] -> number of rows */
    final int[] rows;
    /** 0, 1, ..., cells - 1: every cell, for the marginals over all of them */
    private final int[] every;

    public SourceCells(int sources, int bins) {
        this.sources = sources;
        this.bins = bins;
        int c = 1;
        for (int i = 0; i < sources; i++) c *= bins;
        cells = c;
        full = (1 << sources) - 1;
        row = new int[full + 1][cells];
        rows = new int[full + 1];
        every = java.util.stream.IntStream.range(0, cells).toArray();
        int[] coord = new int[sources];
        for (int mask = 0; mask <= full; mask++) rows[mask] = 1 << (Integer.numberOfTrailingZeros(bins) * Integer.bitCount(mask));
        for (int cell = 0; cell < cells; cell++) {
            int rest = cell;
            for (int i = sources - 1; i >= 0; i--) {
                coord[i] = rest % bins;
                rest /= bins;
            }
            for (int mask = 0; mask <= full; mask++) {
                int r = 0;
                // source 1 is bit 0 and the most significant cell digit, as in the float engine
                for (int i = 0; i < sources; i++) if ((mask >> i & 1) != 0) r = r * bins + coord[i];
                row[mask][cell] = r;
            }
        }
    }

    /** Marginal sums {@code [mask][row*2 + v]} of the per-cell masses m0 (v=0) and m1 (v=1); mask 0 gives the totals. */
    long[][] marginals(long[] m0, long[] m1) {
        return marginals(m0, m1, every, cells);
    }

    /**
     * As {@link #marginals(long[], long[])}, summing only the cells {@code occ[0..count-1]}: the
     * others must hold m0 = m1 = 0, so the sums are the same.
     */
    long[][] marginals(long[] m0, long[] m1, int[] occ, int count) {
        long[][] out = new long[full + 1][];
        for (int mask = 0; mask <= full; mask++) {
            long[] t = new long[rows[mask] * 2];
            int[] map = row[mask];
            for (int q = 0; q < count; q++) {
                int cell = occ[q];
                t[map[cell] * 2] += m0[cell];
                t[map[cell] * 2 + 1] += m1[cell];
            }
            out[mask] = t;
        }
        return out;
    }

    /**
     * One mass per cell: its marginal sums {@code out[mask][row]} for the listed masks, summing only
     * the cells {@code occ[0..count-1]} (the others must hold 0). {@code out} holds a row array per
     * mask, reused from call to call; the full mask's marginal is {@code m} itself (its rows are the
     * cells), so {@code out[full]} becomes {@code m}.
     */
    void marginals(long[] m, int[] masks, int[] occ, int count, long[][] out) {
        int done = 0;
        for (int mask : masks) {
            if ((done >> mask & 1) != 0) continue;
            done |= 1 << mask;
            if (mask == full) {
                out[mask] = m;
                continue;
            }
            long[] t = out[mask];
            java.util.Arrays.fill(t, 0);
            int[] map = row[mask];
            for (int q = 0; q < count; q++) t[map[occ[q]]] += m[occ[q]];
        }
    }

    /** Row arrays for {@link #marginals(long[], int[], int[], int, long[][])}: one per mask. */
    long[][] marginalScratch() {
        long[][] out = new long[full + 1][];
        for (int mask = 0; mask <= full; mask++) out[mask] = new long[rows[mask]];
        return out;
    }

    /** {@code u[cell] = sum_k coefs[k] * marg[masks[k]][row of cell]}, from one-mass marginals, for every cell. */
    void unions(long[][] marg, int[] masks, int[] coefs, long[] u) {
        java.util.Arrays.fill(u, 0, cells, 0);
        for (int k = 0; k < masks.length; k++) {
            long[] t = marg[masks[k]];
            int[] map = row[masks[k]];
            long coef = coefs[k];
            for (int cell = 0; cell < cells; cell++) u[cell] += coef * t[map[cell]];
        }
    }

    /**
     * Every marginal spread back over the cells, {@code [v][mask][cell] = marg[mask](row of cell, v)}:
     * computed once per mask, where the antichains share masks, so {@link #unionsWide} only adds
     * contiguous rows (which the JIT vectorises).
     */
    long[][][] wide(long[][] marg) {
        long[][][] out = new long[2][full + 1][];
        for (int mask = 0; mask <= full; mask++) {
            if (marg[mask] == null) continue;
            long[] t = marg[mask], w0 = new long[cells], w1 = new long[cells];
            int[] map = row[mask];
            for (int cell = 0; cell < cells; cell++) {
                w0[cell] = t[map[cell] * 2];
                w1[cell] = t[map[cell] * 2 + 1];
            }
            out[0][mask] = w0;
            out[1][mask] = w1;
        }
        return out;
    }

    /**
     * {@link #union} of every cell for v = 0 and 1 ({@code u0}, {@code u1}), from {@link #wide}
     * marginals: the same sums, term by term in the same order.
     */
    void unionsWide(long[][][] wide, int[] masks, int[] coefs, long[] u0, long[] u1) {
        java.util.Arrays.fill(u0, 0, cells, 0);
        java.util.Arrays.fill(u1, 0, cells, 0);
        for (int k = 0; k < masks.length; k++) {
            long coef = coefs[k];
            long[] w0 = wide[0][masks[k]], w1 = wide[1][masks[k]];
            for (int cell = 0; cell < cells; cell++) u0[cell] += coef * w0[cell];
            for (int cell = 0; cell < cells; cell++) u1[cell] += coef * w1[cell];
        }
    }

    /** {@code sum_k coefs[k] * marg[masks[k]](cell, v)}: the inclusion-exclusion union mass. */
    long union(long[][] marg, int[] masks, int[] coefs, int cell, int v) {
        long s = 0;
        for (int k = 0; k < masks.length; k++) s += coefs[k] * marg[masks[k]][row[masks[k]][cell] * 2 + v];
        return s;
    }
}
