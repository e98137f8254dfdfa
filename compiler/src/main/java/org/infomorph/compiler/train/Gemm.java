package org.infomorph.compiler.train;

/**
 * Runs the {@link GemmKernel} of this JVM over both cores: the rows are cut into a few pieces, each
 * writing its own rows, so the result does not depend on the number of threads. The kernel is the
 * Vector API one when {@link Simd} allows it, else the scalar one; both give the same bits.
 */
final class Gemm {
    private static final GemmKernel KERNEL = Simd.ENABLED ? new VectorGemmKernel() : GemmKernel.SCALAR;
    /** Multiply-adds below which one thread is faster than two. */
    private static final long PARALLEL_MIN = 1 << 17;

    private Gemm() {}

    /** {@link GemmKernel#accumulate} with the rows split over the cores (in groups of 4) when the product is large. */
    static void accumulate(double[] a, int aRow, int aStep, double[] b, int ldb, double[] c, int ldc,
                           int rows, int cols, int depth) {
        int groups = (rows + 3) / 4;
        int minGroups = (long) rows * cols * depth < PARALLEL_MIN ? groups : 1;
        Parallel.forRange(groups, minGroups, (g0, g1) -> {
            int m0 = 4 * g0, m1 = Math.min(rows, 4 * g1);
            KERNEL.accumulate(a, m0 * aRow, aRow, aStep, b, 0, ldb, c, m0 * ldc, ldc, m1 - m0, cols, depth);
        });
    }

    /** {@code n} rounded up to whole quanta. */
    static int padded(int n) {
        return (n + GemmKernel.QUANTUM - 1) / GemmKernel.QUANTUM * GemmKernel.QUANTUM;
    }
}
