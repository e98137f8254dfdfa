package org.infomorph.compiler.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The product kernels: the scalar one against a plain sum, and the Vector API one against the
 * scalar one bit for bit, for every tile shape and tail (rows not a multiple of 4, columns not a
 * multiple of 4 vectors, depth over one block, A read by rows or transposed).
 */
class GemmKernelTest {

    private record Case(double[] a, int aRow, int aStep, double[] b, int ldb, double[] c, int ldc, int rows, int cols, int depth) {
        static Case random(long seed, int rows, int quanta, int depth, boolean transposedA) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int cols = quanta * GemmKernel.QUANTUM, ldb = cols + GemmKernel.QUANTUM, ldc = cols + 2 * GemmKernel.QUANTUM;
            double[] a = new double[rows * depth + 3], b = new double[depth * ldb], c = new double[rows * ldc];
            for (int i = 0; i < a.length; i++) a[i] = rnd.nextGaussian();
            for (int i = 0; i < b.length; i++) b[i] = rnd.nextGaussian();
            for (int i = 0; i < c.length; i++) c[i] = rnd.nextGaussian();
            return transposedA ? new Case(a, 1, rows, b, ldb, c, ldc, rows, cols, depth) : new Case(a, depth, 1, b, ldb, c, ldc, rows, cols, depth);
        }

        double[] run(GemmKernel k) {
            double[] out = c.clone();
            k.accumulate(a, 0, aRow, aStep, b, 0, ldb, out, 0, ldc, rows, cols, depth);
            return out;
        }
    }

    @Property(tries = 60)
    void scalarKernelIsThePlainSum(@ForAll @IntRange(min = 1, max = 9) int rows, @ForAll @IntRange(min = 1, max = 3) int quanta,
                                   @ForAll @IntRange(min = 1, max = 300) int depth, @ForAll boolean transposedA) {
        Case k = Case.random(rows * 1000L + depth, rows, quanta, depth, transposedA);
        double[] out = k.run(GemmKernel.SCALAR);
        for (int m = 0; m < rows; m++)
            for (int n = 0; n < k.ldc; n++) {
                double want = k.c[m * k.ldc + n];
                if (n < k.cols) for (int t = 0; t < depth; t++) want += k.a[m * k.aRow + t * k.aStep] * k.b[t * k.ldb + n];
                assertEquals(want, out[m * k.ldc + n], 1e-12 * depth, "row " + m + " column " + n); // padding columns untouched
            }
    }

    @Property(tries = 60)
    void vectorKernelGivesTheScalarBits(@ForAll @IntRange(min = 1, max = 13) int rows, @ForAll @IntRange(min = 1, max = 5) int quanta,
                                        @ForAll @IntRange(min = 1, max = 300) int depth, @ForAll boolean transposedA) {
        Assumptions.assumeTrue(Simd.ENABLED, "the JVM runs without jdk.incubator.vector");
        Case k = Case.random(rows * 7919L + depth * 31L + quanta, rows, quanta, depth, transposedA);
        double[] scalar = k.run(GemmKernel.SCALAR), vector = k.run(new VectorGemmKernel());
        for (int i = 0; i < scalar.length; i++)
            assertEquals(Double.doubleToRawLongBits(scalar[i]), Double.doubleToRawLongBits(vector[i]), "index " + i);
    }

    @Test
    void theTestRunnerLoadsTheVectorModule() {
        // surefire passes --add-modules jdk.incubator.vector (pom.xml), as the launcher does
        assertEquals(true, Simd.ENABLED);
    }
}
