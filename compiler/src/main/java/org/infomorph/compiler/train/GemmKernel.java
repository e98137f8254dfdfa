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

    /** Plain Java: the fallback when the JDK's Vector API module is not loaded. */
    GemmKernel SCALAR = (a, aOff, aRow, aStep, b, bOff, ldb, c, cOff, ldc, rows, cols, depth) -> {
        for (int m = 0; m < rows; m++) {
            int ic = cOff + m * ldc;
            for (int t = 0, ia = aOff + m * aRow, ib = bOff; t < depth; t++, ia += aStep, ib += ldb) {
                double av = a[ia];
                for (int n = 0; n < cols; n++) c[ic + n] = Math.fma(av, b[ib + n], c[ic + n]);
            }
        }
    };
}
