package org.infomorph.compiler.pid;

/**
 * Target-joint marginals {@code p_A(s_A, y)} of a dense table for every source subset A (a mask;
 * mask 0 is {@code P(y)}, the full mask is the table itself), with the map from a source cell to
 * its row in each marginal. Used by the dense reference engine; not tuned for speed.
 */
final class SourceMarginals {
    final int sources;
    final int width;          // entries per source row: the target alphabet size (or 2 for v)
    final int[][] cellToRow;  // [mask][cell] -> row of marginal A
    final int[] rows;         // [mask] -> number of rows of marginal A

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
        int masks = 1 << sources;
        double[][] m = new double[masks][];
        int cells = cellToRow[0].length;
        for (int mask = 0; mask < masks; mask++) {
            double[] table = new double[rows[mask] * width];
            int[] map = cellToRow[mask];
            for (int cell = 0; cell < cells; cell++)
                for (int y = 0; y < width; y++) table[map[cell] * width + y] += t[cell * width + y];
            m[mask] = table;
        }
        return m;
    }

    /** {@code sum_k coef[k] * marginal_{mask[k]}(cell, y)}: the inclusion-exclusion union mass. */
    double union(double[][] marg, int[] masks, int[] coefs, int cell, int y) {
        double s = 0;
        for (int k = 0; k < masks.length; k++) s += coefs[k] * marg[masks[k]][cellToRow[masks[k]][cell] * width + y];
        return s;
    }
}
