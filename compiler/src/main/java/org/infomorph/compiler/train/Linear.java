package org.infomorph.compiler.train;

/**
 * The two dense products of a layer on row-major float64 arrays, through {@link Gemm}. Operands
 * whose width is not a whole number of {@link GemmKernel#QUANTUM}s are copied into padded
 * buffers; the padding is zero and never read back.
 */
final class Linear {
    private Linear() {}

    /** out[b][j] = bias[j] + sum_k x[b][k] w[j][k]; x is B x k, w is n x k, out is B x n. */
    static void forward(double[] x, int batch, int k, double[] w, double[] bias, int n, double[] out) {
        if (x == null) { // an all-zero input contributes nothing
            for (int b = 0; b < batch; b++) System.arraycopy(bias, 0, out, b * n, n);
            return;
        }
        int np = Gemm.padded(n);
        double[] wT = Transpose.of(w, n, k, np); // so that the product runs along neurons
        double[] acc = np == n ? out : new double[batch * np];
        for (int b = 0; b < batch; b++) System.arraycopy(bias, 0, acc, b * np, n);
        Gemm.accumulate(x, k, 1, wT, np, acc, np, batch, np, k);
        if (acc != out) for (int b = 0; b < batch; b++) System.arraycopy(acc, b * np, out, b * n, n);
    }

    /** grad[j][k] = sum_b e[b][j] x[b][k]; e is B x n, x is B x k, grad is n x k. */
    static void weightGradient(double[] e, int batch, int n, double[] x, int k, double[] grad) {
        java.util.Arrays.fill(grad, 0.0);
        if (x == null) return;
        int kp = Gemm.padded(k);
        double[] xs = x, acc = grad;
        if (kp != k) {
            xs = new double[batch * kp];
            for (int b = 0; b < batch; b++) System.arraycopy(x, b * k, xs, b * kp, k);
            acc = new double[n * kp];
        }
        // A(j, b) = e[b][j]: e read transposed
        Gemm.accumulate(e, 1, n, xs, kp, acc, kp, n, kp, batch);
        if (acc != grad) for (int j = 0; j < n; j++) System.arraycopy(acc, j * kp, grad, j * k, k);
    }
}
