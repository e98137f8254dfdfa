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
            Linear.forward(x, batch, k, w, bias, n, out);
            for (int b = 0; b < batch; b++)
                for (int j = 0; j < n; j++) {
                    double want = bias[j];
                    for (int i = 0; i < k; i++) want += x[b * k + i] * w[j * k + i];
                    assertEquals(want, out[b * n + j], 1e-11, "shape " + batch + "x" + k + "x" + n + " at " + b + "," + j);
                }
            double[] zero = new double[batch * n];
            Linear.forward(null, batch, k, w, bias, n, zero);
            for (int b = 0; b < batch; b++) assertArrayEquals(bias, java.util.Arrays.copyOfRange(zero, b * n, (b + 1) * n));
        }
    }

    @Test
    void weightGradientSumsOverTheBatch() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int[] shape : new int[][] {{256, 784, 100}, {68, 10, 10}, {256, 100, 10}, {3, 17, 5}}) {
            int batch = shape[0], k = shape[1], n = shape[2];
            double[] e = gaussian(rnd, batch * n), x = gaussian(rnd, batch * k), grad = new double[n * k];
            Linear.weightGradient(e, batch, n, x, k, grad);
            for (int j = 0; j < n; j++)
                for (int i = 0; i < k; i++) {
                    double want = 0;
                    for (int b = 0; b < batch; b++) want += e[b * n + j] * x[b * k + i];
                    assertEquals(want, grad[j * k + i], 1e-11, "shape " + batch + "x" + k + "x" + n + " at " + j + "," + i);
                }
        }
    }
}
