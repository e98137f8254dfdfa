package org.infomorph.compiler.train;

/**
 * The one dense product the float trainers need, on row-major float64 arrays:
 * {@code C[m][n] += sum_t A(m, t) * B[t][n]} for {@code m < rows}, {@code n < cols}, {@code t < depth},
 * where {@code A(m, t) = a[aOff + m * aRow + t * aStep]} (any strides, so A may be read transposed).
 *
 * <p>Every implementation computes each output as the same chain of fused multiply-adds in
 * increasing {@code t}, starting from the value already in C, so all of them, any vector width and
 * any split of the rows give the same bits. {@code cols} must be a multiple of {@link #QUANTUM}.
 */
interface GemmKernel {
    /** Columns come in whole multiples of this many values (a multiple of every SIMD width in use). */
    int QUANTUM = 16;

    void accumulate(double[] a, int aOff, int aRow, int aStep, double[] b, int bOff, int ldb,
                    double[] c, int cOff, int ldc, int rows, int cols, int depth);

    /**
     * Plain Java: the fallback when the JDK's Vector API module is not loaded or not yet compiled.
     * Eight columns at a time in local variables, so eight multiply-add chains run side by side.
     */
    GemmKernel SCALAR = (a, aOff, aRow, aStep, b, bOff, ldb, c, cOff, ldc, rows, cols, depth) -> {
        for (int m = 0; m < rows; m++)
            for (int n = 0, ic = cOff + m * ldc; n < cols; n += 8, ic += 8) {
                double c0 = c[ic], c1 = c[ic + 1], c2 = c[ic + 2], c3 = c[ic + 3];
                double c4 = c[ic + 4], c5 = c[ic + 5], c6 = c[ic + 6], c7 = c[ic + 7];
                for (int t = 0, ia = aOff + m * aRow, ib = bOff + n; t < depth; t++, ia += aStep, ib += ldb) {
                    double av = a[ia];
                    c0 = Math.fma(av, b[ib], c0);
                    c1 = Math.fma(av, b[ib + 1], c1);
                    c2 = Math.fma(av, b[ib + 2], c2);
                    c3 = Math.fma(av, b[ib + 3], c3);
                    c4 = Math.fma(av, b[ib + 4], c4);
                    c5 = Math.fma(av, b[ib + 5], c5);
                    c6 = Math.fma(av, b[ib + 6], c6);
                    c7 = Math.fma(av, b[ib + 7], c7);
                }
                c[ic] = c0;
                c[ic + 1] = c1;
                c[ic + 2] = c2;
                c[ic + 3] = c3;
                c[ic + 4] = c4;
                c[ic + 5] = c5;
                c[ic + 6] = c6;
                c[ic + 7] = c7;
            }
    };
}
