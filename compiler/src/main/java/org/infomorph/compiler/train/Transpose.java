package org.infomorph.compiler.train;

/** Blocked matrix transposition, so that neither side walks memory with a large stride for long. */
final class Transpose {
    private static final int BLOCK = 16;

    private Transpose() {}

    /** The row-major rows x cols matrix {@code a} as cols x ld (ld >= rows; entries past rows stay 0). */
    static double[] of(double[] a, int rows, int cols, int ld) {
        double[] t = new double[cols * ld];
        for (int r0 = 0; r0 < rows; r0 += BLOCK)
            for (int c0 = 0; c0 < cols; c0 += BLOCK)
                for (int r = r0, rEnd = Math.min(rows, r0 + BLOCK); r < rEnd; r++)
                    for (int c = c0, cEnd = Math.min(cols, c0 + BLOCK); c < cEnd; c++) t[c * ld + r] = a[r * cols + c];
        return t;
    }

    static double[] of(double[] a, int rows, int cols) {
        return of(a, rows, cols, rows);
    }
}
