package org.infomorph.compiler.train;

/** Blocked matrix transposition, so that neither side walks memory with a large stride for long. */
final class Transpose {
    private static final int BLOCK = 16;

    private Transpose() {}

    /** Writes the row-major rows x cols matrix {@code a} into {@code t} as cols x ld (ld >= rows); entries past rows are not touched. */
    static void into(double[] a, int rows, int cols, double[] t, int ld) {
        for (int r0 = 0; r0 < rows; r0 += BLOCK)
            for (int c0 = 0; c0 < cols; c0 += BLOCK) block(a, rows, cols, t, ld, r0, c0);
    }

    private static void block(double[] a, int rows, int cols, double[] t, int ld, int r0, int c0) {
        for (int r = r0, rEnd = Math.min(rows, r0 + BLOCK); r < rEnd; r++)
            for (int c = c0, cEnd = Math.min(cols, c0 + BLOCK); c < cEnd; c++) t[c * ld + r] = a[r * cols + c];
    }
}
