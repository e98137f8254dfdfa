package org.infomorph.compiler.train;

/**
 * The two dense products of one source of a layer, on row-major float64 arrays, through
 * {@link Gemm}. Widths that are not a whole number of {@link GemmKernel#QUANTUM}s go through
 * padded buffers whose padding is zero and never read back. The forward product keeps its
 * transposed weights and padded sums between calls (one network trains on one thread at a time),
 * so a batch does not allocate and clear them afresh.
 */
final class Linear {
    private final int n, k, np;
    private final double[] wT;
    private double[] acc = new double[0];

    /** For n neurons reading k inputs. */
    Linear(int n, int k) {
        this.n = n;
        this.k = k;
        this.np = Gemm.padded(n);
        this.wT = new double[k * np];
    }

    /** out[b][j] = bias[j] + sum_i x[b][i] w[j][i]; x is B x k, w is n x k, out is B x n. */
    void forward(double[] x, int batch, double[] w, double[] bias, double[] out) {
        if (x == null) { // an all-zero input contributes nothing
            for (int b = 0; b < batch; b++) System.arraycopy(bias, 0, out, b * n, n);
            return;
        }
        Transpose.into(w, n, k, wT, np); // so that the product runs along neurons; columns past n stay 0
        double[] sums = out;
        if (np != n) {
            if (acc.length < batch * np) acc = new double[batch * np];
            sums = acc;
        }
        for (int b = 0; b < batch; b++) System.arraycopy(bias, 0, sums, b * np, n);
        Gemm.accumulate(x, k, 1, wT, np, sums, np, batch, np, k);
        if (sums != out) for (int b = 0; b < batch; b++) System.arraycopy(sums, b * np, out, b * n, n);
    }

    /** grad[j][i] = sum_b e[b][j] x[b][i]; e is B x n, x is B x k (null: zeros), grad is n x k. */
    static double[] weightGradient(double[] e, int batch, int n, double[] x, int k) {
        int kp = Gemm.padded(k);
        double[] grad = new double[n * kp];
        if (x == null) return kp == k ? grad : new double[n * k];
        double[] xs = x;
        if (kp != k) {
            xs = new double[batch * kp];
            for (int b = 0; b < batch; b++) System.arraycopy(x, b * k, xs, b * kp, k);
        }
        // A(j, b) = e[b][j]: e read transposed
        Gemm.accumulate(e, 1, n, xs, kp, grad, kp, n, kp, batch);
        if (kp == k) return grad;
        double[] out = new double[n * k];
        for (int j = 0; j < n; j++) System.arraycopy(grad, j * kp, out, j * k, k);
        return out;
    }
}
