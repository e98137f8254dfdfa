package org.infomorph.compiler.pid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The sparse soft-histogram path must agree with the dense engine on the same PMF. */
class SoftHistogramPidTest {

    @Property(tries = 60)
    void agreesWithDenseEngine(@ForAll @IntRange(min = 2, max = 3) int n,
                               @ForAll @IntRange(min = 1, max = 80) int batch,
                               @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        Random rnd = new Random(seed);
        int[] bins = new int[n];
        for (int i = 0; i < n; i++) bins[i] = 1 + rnd.nextInt(n == 2 ? 7 : 4);
        compare(bins, batch, rnd);
    }

    @Test
    void agreesOnTrainerSizedBatchesWithSaturatedThetas() {
        Random rnd = new Random(7);
        compare(new int[] {20, 20}, 256, rnd);
        compare(new int[] {20, 20, 20}, 256, rnd);
        compare(new int[] {5, 5, 5}, 256, rnd);
    }

    @Test
    void reusedWorkspaceAcrossShapesAndThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                long seed = t;
                jobs.add(pool.submit(() -> {
                    Random rnd = new Random(seed);
                    for (int k = 0; k < 5; k++) compare(k % 2 == 0 ? new int[] {6, 4} : new int[] {3, 4, 5}, 100, rnd);
                }));
            }
            for (Future<?> f : jobs) f.get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void rejectsBadBatches() {
        double[] g = {0, 0, 1, 0, 0};
        assertThrows(IllegalArgumentException.class, () -> SoftHistogramPid.evaluate(new int[] {2, 2}, new int[0], new double[0], g, false));
        assertThrows(IllegalArgumentException.class, () -> SoftHistogramPid.evaluate(new int[] {2, 2}, new int[] {4}, new double[] {0.5}, g, false));
        assertThrows(IllegalArgumentException.class, () -> SoftHistogramPid.evaluate(new int[] {2, 2}, new int[] {1}, new double[] {1.5}, g, false));
        assertThrows(IllegalArgumentException.class, () -> SoftHistogramPid.evaluate(new int[] {2, 2}, new int[] {1}, new double[] {0.5}, new double[19], false));
        // a failed call must leave the workspace clean
        SoftHistogramPid.Result ok = SoftHistogramPid.evaluate(new int[] {2, 2}, new int[] {0, 3}, new double[] {0.2, 0.9}, g, true);
        assertEquals(2, ok.dGdTheta().length);
    }

    private static void compare(int[] bins, int batch, Random rnd) {
        int cells = 1;
        for (int b : bins) cells *= b;
        int[] cell = new int[batch];
        double[] theta = new double[batch];
        int hot = 1 + rnd.nextInt(cells);  // concentrate samples so that some cells stay empty and some repeat
        for (int b = 0; b < batch; b++) {
            cell[b] = rnd.nextInt(Math.min(cells, hot));
            double r = rnd.nextDouble();
            theta[b] = r < 0.15 ? 0.0 : r < 0.3 ? 1.0 : rnd.nextDouble();
        }
        RedundancyLattice lattice = RedundancyLattice.of(bins.length);
        double[] gamma = new double[lattice.gammaLength()];
        for (int i = 0; i < gamma.length; i++) gamma[i] = rnd.nextDouble() < 0.2 ? 0 : 2 * rnd.nextDouble() - 1;

        double[] p = new double[cells * 2];
        for (int b = 0; b < batch; b++) {
            p[cell[b] * 2 + 1] += theta[b];
            p[cell[b] * 2] += 1 - theta[b];
        }
        for (int i = 0; i < p.length; i++) p[i] /= batch;
        DensePmf pmf = new DensePmf(bins, 2, p);
        PidDecomposition d = PidEngine.decompose(pmf);
        double[] dg = PidEngine.deltaG(pmf, gamma);

        SoftHistogramPid.Result res = SoftHistogramPid.evaluate(bins, cell, theta, gamma, true);
        assertArrayEquals(d.info(), res.atoms(), 1e-12);
        assertEquals(d.goal(gamma), res.goal(), 1e-12);
        for (int b = 0; b < batch; b++) {
            assertTrue(Double.isFinite(res.dGdTheta()[b]), "finite dG/dtheta");
            assertEquals(dg[cell[b]] / batch, res.dGdTheta()[b], 1e-12, "sample " + b);
        }
        SoftHistogramPid.Result gradOnly = SoftHistogramPid.evaluate(bins, cell, theta, gamma, false);
        assertArrayEquals(res.dGdTheta(), gradOnly.dGdTheta(), 1e-15);
    }
}
