package org.infomorph.compiler.pid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * delta_g against central finite differences of G along p(z,1)+h, p(z,0)-h on random strictly
 * positive PMFs with random goals; G is recomputed from scratch by {@link PidEngine#decompose}.
 */
class PidGradientPropertiesTest {

    private static final double H = 1e-6;

    @Property(tries = 40)
    void bivariateDeltaGMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 4) int b1,
                                                @ForAll @IntRange(min = 1, max = 4) int b2,
                                                @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        check(new int[] {b1, b2}, new Random(seed));
    }

    @Property(tries = 12)
    void trivariateDeltaGMatchesFiniteDifferences(@ForAll @IntRange(min = 0, max = 1) int shape,
                                                 @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
        check(shape == 0 ? new int[] {3, 3, 2} : new int[] {4, 3, 2}, new Random(seed));
    }

    private static void check(int[] bins, Random rnd) {
        DensePmf pmf = randomPositivePmf(bins, rnd);
        RedundancyLattice lattice = RedundancyLattice.of(bins.length);
        double[] gamma = new double[lattice.gammaLength()];
        for (int i = 0; i < gamma.length; i++) gamma[i] = 2 * rnd.nextDouble() - 1;
        double[] dg = PidEngine.deltaG(pmf, gamma);
        double[] p = pmf.p();
        for (int z = 0; z < pmf.cells(); z++) {
            double plus = goal(pmf, p, z, H, gamma);
            double minus = goal(pmf, p, z, -H, gamma);
            double fd = (plus - minus) / (2 * H);
            assertEquals(fd, dg[z], 1e-5 * Math.max(1, Math.abs(fd)), "cell " + z);
        }
    }

    private static double goal(DensePmf pmf, double[] p, int z, double h, double[] gamma) {
        double[] q = p.clone();
        q[2 * z + 1] += h;
        q[2 * z] -= h;
        return PidEngine.decompose(new DensePmf(pmf.sourceBins(), 2, q)).goal(gamma);
    }

    static DensePmf randomPositivePmf(int[] bins, Random rnd) {
        int cells = 1;
        for (int b : bins) cells *= b;
        double[] p = new double[cells * 2];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.05 + rnd.nextDouble();
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return new DensePmf(bins, 2, p);
    }
}
