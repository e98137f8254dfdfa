package org.infomorph.compiler.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The layer products against plain loops, for widths that need padding and widths that do not. */
class LinearTest {
    private static double[] gaussian(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rnd.nextGaussian();
        return v;
    }

    @Test
    void forwardIsBiasPlusTheWeightedSum() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int[] shape : new int[][] {{256, 784, 100}, {68, 10, 10}, {5, 100, 16}, {1, 3, 33}}) {
            int batch = shape[0], k = shape[1], n = shape[2];
            double[] x = gaussian(rnd, batch * k), w = gaussian(rnd, n * k), bias = gaussian(rnd, n), out = new double[batch * n];
            Linear linear = new Linear(n, k);
            linear.forward(x, batch, w, bias, out);
            for (int b = 0; b < batch; b++)
                for (int j = 0; j < n; j++) {
                    double want = bias[j];
                    for (int i = 0; i < k; i++) want += x[b * k + i] * w[j * k + i];
                    assertEquals(want, out[b * n + j], 1e-11, "shape " + batch + "x" + k + "x" + n + " at " + b + "," + j);
                }
            double[] zero = new double[batch * n];
            linear.forward(null, batch, w, bias, zero);
            for (int b = 0; b < batch; b++) assertArrayEquals(bias, java.util.Arrays.copyOfRange(zero, b * n, (b + 1) * n));
        }
    }

    @Test
    void theReusedBuffersDoNotLeakIntoTheNextBatch() {
        SplittableRandom rnd = new SplittableRandom(3);
        int k = 20, n = 10;
        Linear linear = new Linear(n, k);
        double[] bias = gaussian(rnd, n), w = gaussian(rnd, n * k);
        double[] big = new double[64 * n], small = new double[5 * n], fresh = new double[5 * n];
        linear.forward(gaussian(rnd, 64 * k), 64, w, bias, big);
        double[] x = gaussian(rnd, 5 * k);
        linear.forward(x, 5, w, bias, small);
        new Linear(n, k).forward(x, 5, w, bias, fresh);
        assertArrayEquals(fresh, small);
    }

    @Test
    void weightGradientSumsOverTheBatch() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int[] shape : new int[][] {{256, 784, 100}, {68, 10, 10}, {256, 100, 10}, {3, 17, 5}}) {
            int batch = shape[0], k = shape[1], n = shape[2];
            double[] e = gaussian(rnd, batch * n), x = gaussian(rnd, batch * k);
            double[] grad = Linear.weightGradient(e, batch, n, x, k);
            assertEquals(n * k, grad.length);
            for (int j = 0; j < n; j++)
                for (int i = 0; i < k; i++) {
                    double want = 0;
                    for (int b = 0; b < batch; b++) want += e[b * n + j] * x[b * k + i];
                    assertEquals(want, grad[j * k + i], 1e-11, "shape " + batch + "x" + k + "x" + n + " at " + j + "," + i);
                }
        }
    }
}
