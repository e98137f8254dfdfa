package org.infomorph.compiler.train;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GemmKernel} on the JDK Vector API (incubator module {@code jdk.incubator.vector}), loaded
 * only when that module is present (see {@link Simd}). The depth is cut into blocks so that a block
 * of B stays in cache; within a block, register tiles of 4 rows by 4 (then 2, then 1) vectors stream
 * B row by row and broadcast A. Every output still sees its multiply-adds in increasing t.
 *
 * <p>The tiles are separate small methods so that the JIT inlines the vector operations; in a large
 * method it can give up and fall back to boxed vectors, which are a hundred times slower.
 */
final class VectorGemmKernel implements GemmKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Depth per block: 128 rows of a B strip (4 vectors wide) are 32 KiB at 8 lanes, about L1. */
    private static final int DEPTH_BLOCK = 128;

    static int lanes() {
        return L;
    }

    static boolean usable() {
        return QUANTUM % L == 0;
    }

    @Override
    public void accumulate(double[] a, int aOff, int aRow, int aStep, double[] b, int bOff, int ldb,
                           double[] c, int cOff, int ldc, int rows, int cols, int depth) {
        for (int t0 = 0; t0 < depth; t0 += DEPTH_BLOCK) {
            int tn = Math.min(DEPTH_BLOCK, depth - t0);
            block(a, aOff + t0 * aStep, aRow, aStep, b, bOff + t0 * ldb, ldb, c, cOff, ldc, rows, cols, tn);
        }
    }

    /** One depth block: column strips outside, row tiles inside, so a strip of B is reused by every row tile. */
    private static void block(double[] a, int aOff, int aRow, int aStep, double[] b, int bOff, int ldb,
                              double[] c, int cOff, int ldc, int rows, int cols, int depth) {
        int n = 0;
        for (; n + 4 * L <= cols; n += 4 * L) {
            int m = 0;
            for (; m + 4 <= rows; m += 4) tile4x4(a, aOff + m * aRow, aRow, aStep, b, bOff + n, ldb, c, cOff + m * ldc + n, ldc, depth);
            for (; m < rows; m++)
                for (int v = 0; v < 4; v++) tile1x1(a, aOff + m * aRow, aStep, b, bOff + n + v * L, ldb, c, cOff + m * ldc + n + v * L, depth);
        }
        for (; n < cols; n += L) {
            int m = 0;
            for (; m + 4 <= rows; m += 4) tile4x1(a, aOff + m * aRow, aRow, aStep, b, bOff + n, ldb, c, cOff + m * ldc + n, ldc, depth);
            for (; m < rows; m++) tile1x1(a, aOff + m * aRow, aStep, b, bOff + n, ldb, c, cOff + m * ldc + n, depth);
        }
    }

    private static void tile4x4(double[] a, int ia, int aRow, int aStep, double[] b, int ib, int ldb,
                                double[] c, int ic, int ldc, int depth) {
        int i1 = ic + ldc, i2 = ic + 2 * ldc, i3 = ic + 3 * ldc;
        DoubleVector c00 = load(c, ic), c01 = load(c, ic + L), c02 = load(c, ic + 2 * L), c03 = load(c, ic + 3 * L);
        DoubleVector c10 = load(c, i1), c11 = load(c, i1 + L), c12 = load(c, i1 + 2 * L), c13 = load(c, i1 + 3 * L);
        DoubleVector c20 = load(c, i2), c21 = load(c, i2 + L), c22 = load(c, i2 + 2 * L), c23 = load(c, i2 + 3 * L);
        DoubleVector c30 = load(c, i3), c31 = load(c, i3 + L), c32 = load(c, i3 + 2 * L), c33 = load(c, i3 + 3 * L);
        for (int t = 0; t < depth; t++, ia += aStep, ib += ldb) {
            DoubleVector b0 = load(b, ib), b1 = load(b, ib + L), b2 = load(b, ib + 2 * L), b3 = load(b, ib + 3 * L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ia]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ia + aRow]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ia + 2 * aRow]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ia + 3 * aRow]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
        }
        c00.intoArray(c, ic);
        c01.intoArray(c, ic + L);
        c02.intoArray(c, ic + 2 * L);
        c03.intoArray(c, ic + 3 * L);
        c10.intoArray(c, i1);
        c11.intoArray(c, i1 + L);
        c12.intoArray(c, i1 + 2 * L);
        c13.intoArray(c, i1 + 3 * L);
        c20.intoArray(c, i2);
        c21.intoArray(c, i2 + L);
        c22.intoArray(c, i2 + 2 * L);
        c23.intoArray(c, i2 + 3 * L);
        c30.intoArray(c, i3);
        c31.intoArray(c, i3 + L);
        c32.intoArray(c, i3 + 2 * L);
        c33.intoArray(c, i3 + 3 * L);
    }

    private static void tile4x1(double[] a, int ia, int aRow, int aStep, double[] b, int ib, int ldb,
                                double[] c, int ic, int ldc, int depth) {
        DoubleVector c0 = load(c, ic), c1 = load(c, ic + ldc), c2 = load(c, ic + 2 * ldc), c3 = load(c, ic + 3 * ldc);
        for (int t = 0; t < depth; t++, ia += aStep, ib += ldb) {
            DoubleVector bv = load(b, ib);
            c0 = DoubleVector.broadcast(S, a[ia]).fma(bv, c0);
            c1 = DoubleVector.broadcast(S, a[ia + aRow]).fma(bv, c1);
            c2 = DoubleVector.broadcast(S, a[ia + 2 * aRow]).fma(bv, c2);
            c3 = DoubleVector.broadcast(S, a[ia + 3 * aRow]).fma(bv, c3);
        }
        c0.intoArray(c, ic);
        c1.intoArray(c, ic + ldc);
        c2.intoArray(c, ic + 2 * ldc);
        c3.intoArray(c, ic + 3 * ldc);
    }

    private static void tile1x1(double[] a, int ia, int aStep, double[] b, int ib, int ldb, double[] c, int ic, int depth) {
        DoubleVector acc = load(c, ic);
        for (int t = 0; t < depth; t++, ia += aStep, ib += ldb) acc = DoubleVector.broadcast(S, a[ia]).fma(load(b, ib), acc);
        acc.intoArray(c, ic);
    }

    private static DoubleVector load(double[] x, int i) {
        return DoubleVector.fromArray(S, x, i);
    }
}
