package org.infomorph.compiler.pid;

/**
 * Target-joint marginals {@code p_A(s_A, y)} of a dense table for every source subset A (a mask;
 * mask 0 is {@code P(y)}, the full mask is the table itself), with the map from a source cell to
 * its row in each marginal. Used by the dense engine; instances are immutable and shared per shape
 * ({@link #of}).
 */
final class SourceMarginals {
    private static final java.util.Map<java.util.List<Integer>, SourceMarginals> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

    final int sources;
    final int width;          // entries per source row: the target alphabet size (or 2 for v)
    final int[][] cellToRow;  // [mask][cell] -> row of marginal A
    final int[] rows;         // [mask] -> number of rows of marginal A

    /** The (shared) instance for these alphabets and entries per row. */
    static SourceMarginals of(int[] bins, int width) {
        java.util.List<Integer> key = new java.util.ArrayList<>();
        for (int b : bins) key.add(b);
        key.add(width);
        return SHAPES.computeIfAbsent(key, k -> new SourceMarginals(bins, width));
    }

    SourceMarginals(int[] bins, int width) {
        this.sources = bins.length;
        this.width = width;
        int cells = 1;
        for (int b : bins) cells *= b;
        int masks = 1 << sources;
        cellToRow = new int[masks][cells];
        rows = new int[masks];
        int[] coord = new int[sources];
        for (int mask = 0; mask < masks; mask++) {
            int r = 1;
            for (int i = 0; i < sources; i++) if ((mask >> i & 1) != 0) r *= bins[i];
            rows[mask] = r;
        }
        for (int cell = 0; cell < cells; cell++) {
            int rest = cell;
            for (int i = sources - 1; i >= 0; i--) {
                coord[i] = rest % bins[i];
                rest /= bins[i];
            }
            for (int mask = 0; mask < masks; mask++) {
                int row = 0;
                for (int i = 0; i < sources; i++) if ((mask >> i & 1) != 0) row = row * bins[i] + coord[i];
                cellToRow[mask][cell] = row;
            }
        }
    }

    /** Marginal tables {@code [mask][row * width + y]} of a dense table {@code t[cell * width + y]}. */
    double[][] marginalize(double[] t) {
        int[] all = new int[cellToRow[0].length];
        for (int cell = 0; cell < all.length; cell++) all[cell] = cell;
        return marginalize(t, all, all.length);
    }

    /**
     * As {@link #marginalize(double[])} for a table that is zero outside {@code cells[0..count)}
     * (increasing): the same sums in the same order, the zero terms left out.
     */
    double[][] marginalize(double[] t, int[] cells, int count) {
        int masks = 1 << sources;
        double[][] m = new double[masks][];
        for (int mask = 0; mask < masks; mask++) {
            double[] table = new double[rows[mask] * width];
            int[] map = cellToRow[mask];
            for (int i = 0; i < count; i++) {
                int cell = cells[i];
                for (int y = 0; y < width; y++) table[map[cell] * width + y] += t[cell * width + y];
            }
            m[mask] = table;
        }
        return m;
    }

    /** The cells with some non-zero entry in the dense table {@code t}, increasing; returns their number. */
    int occupied(double[] t, int[] out) {
        int count = 0;
        for (int cell = 0; cell < cellToRow[0].length; cell++)
            for (int y = 0; y < width; y++)
                if (t[cell * width + y] != 0) {
                    out[count++] = cell;
                    break;
                }
        return count;
    }

    /** {@code sum_k coef[k] * marginal_{mask[k]}(cell, y)}: the inclusion-exclusion union mass. */
    double union(double[][] marg, int[] masks, int[] coefs, int cell, int y) {
        double s = 0;
        for (int k = 0; k < masks.length; k++) s += coefs[k] * marg[masks[k]][cellToRow[masks[k]][cell] * width + y];
        return s;
    }

    /**
     * {@link #union} at every cell and y, into {@code out[cell * width + y]}: term by term over all
     * cells, which adds the terms of each entry in the same order as {@link #union}.
     */
    void unionAll(double[][] marg, int[] masks, int[] coefs, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        int cells = cellToRow[0].length;
        for (int k = 0; k < masks.length; k++) {
            double[] m = marg[masks[k]];
            int[] map = cellToRow[masks[k]];
            int coef = coefs[k];
            for (int cell = 0; cell < cells; cell++)
                for (int y = 0, row = map[cell] * width; y < width; y++) out[cell * width + y] += coef * m[row + y];
        }
    }
}
