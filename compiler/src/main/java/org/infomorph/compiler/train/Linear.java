package org.infomorph.compiler.train;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The two dense products of a layer, on row-major float64 arrays, split over neuron blocks so both
 * cores work. Each block writes disjoint outputs, so results do not depend on the thread count.
 */
final class Linear {
    private static final BLAS BLAS_IMPL = pureJava();
    /** Neurons per parallel block; small layers run as one block. */
    private static final int BLOCK = 32;

    private Linear() {}

    private static BLAS pureJava() {
        // netlib logs each native implementation it fails to find; the pure-Java one is what we want.
        Logger.getLogger("dev.ludovic.netlib").setLevel(Level.OFF);
        return JavaBLAS.getInstance();
    }

    /** out[b][j] = sum_k x[b][k] w[j][k] + bias[j]; x is B x k, w is n x k, out is B x n. */
    static void forward(double[] x, int batch, int k, double[] w, double[] bias, int n, double[] out) {
        for (int b = 0; b < batch; b++) System.arraycopy(bias, 0, out, b * n, n);
        if (x == null) return; // an all-zero input contributes nothing
        blocks(n).forEach(j0 -> {
            int nj = Math.min(BLOCK, n - j0);
            // column-major view: out^T (n x B, ld n) += w (as k x n, ld k)^T . x (as k x B, ld k)
            BLAS_IMPL.dgemm("T", "N", nj, batch, k, 1.0, w, j0 * k, k, x, 0, k, 1.0, out, j0, n);
        });
    }

    /** grad[j][k] = sum_b e[b][j] x[b][k]; e is B x n, x is B x k, grad is n x k. */
    static void weightGradient(double[] e, int batch, int n, double[] x, int k, double[] grad) {
        if (x == null) {
            java.util.Arrays.fill(grad, 0.0);
            return;
        }
        blocks(n).forEach(j0 -> {
            int nj = Math.min(BLOCK, n - j0);
            // netlib's bounds check on a transposed operand wants whole leading-dimension strides,
            // so the block's columns of e are copied out first
            double[] eBlock = new double[batch * nj];
            for (int b = 0; b < batch; b++) System.arraycopy(e, b * n + j0, eBlock, b * nj, nj);
            // column-major: grad^T (k x nj, ld k) = x^T (k x B) . eBlock (B x nj)
            BLAS_IMPL.dgemm("N", "T", k, nj, batch, 1.0, x, 0, k, eBlock, 0, nj, 0.0, grad, j0 * k, k);
        });
    }

    private static IntStream blocks(int n) {
        IntStream s = IntStream.iterate(0, j -> j < n, j -> j + BLOCK);
        return n > BLOCK ? s.parallel() : s;
    }
}
