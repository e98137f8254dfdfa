package org.infomorph.compiler.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.infomorph.compiler.network.ActivationSpec;

class ActivationMathTest {
    private static final double H = 1e-6;

    @Property(tries = 200)
    void slopesAreTheDerivativesOfTheta(
            @ForAll @DoubleRange(min = -4, max = 4) double r,
            @ForAll @DoubleRange(min = -4, max = 4) double c,
            @ForAll @DoubleRange(min = -4, max = 4) double l) {
        check(new ActivationSpec.Graetz(0.9, 2), r, c, l);
        check(new ActivationSpec.KayPhillips(0.5, 0.5), r, c, l);
        check(new ActivationSpec.Schneider(0.1, 0.1, 2, 2), r, c, l);
    }

    private static void check(ActivationSpec spec, double r, double c, double l) {
        ActivationMath f = ActivationMath.of(spec);
        int s = spec.arity();
        double[] theta = new double[1];
        double[][] slopes = new double[s][1];
        f.apply(r, c, l, theta, slopes, 0);
        if (theta[0] <= ActivationMath.GRAETZ_CLAMP || theta[0] >= 1 - ActivationMath.GRAETZ_CLAMP) return;
        double[] x = {r, c, l};
        for (int k = 0; k < s; k++) {
            double[] up = x.clone(), dn = x.clone();
            up[k] += H;
            dn[k] -= H;
            double[] tu = new double[1], td = new double[1];
            f.apply(up[0], up[1], up[2], tu, null, 0);
            f.apply(dn[0], dn[1], dn[2], td, null, 0);
            double fd = (tu[0] - td[0]) / (2 * H);
            assertEquals(fd, slopes[k][0], 1e-7 + 1e-6 * Math.abs(fd), spec + " source " + k);
        }
    }

    @org.junit.jupiter.api.Test
    void graetzWithK1OneIgnoresContextAndClampsTheta() {
        ActivationMath f = ActivationMath.of(new ActivationSpec.Graetz(1, 2));
        double[] t = new double[1];
        double[][] sl = new double[2][1];
        f.apply(0.3, 5, 0, t, sl, 0);
        assertEquals(1 / (1 + Math.exp(-0.3)), t[0], 1e-15);
        assertEquals(0.0, sl[1][0]);
        f.apply(40, 0, 0, t, sl, 0);
        assertEquals(1 - ActivationMath.GRAETZ_CLAMP, t[0]);
        assertEquals(0.0, sl[0][0], "no gradient where the clamp is active");
    }

    /** The Vector API form of each activation gives the scalar bits (any NaN counts as one), slopes included, tails and odd ranges too. */
    @org.junit.jupiter.api.Test
    void theRangeFormGivesTheBitsOfTheScalarForm() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        int n = 1000;
        double[] r = new double[n], c = new double[n], l = new double[n];
        double[] special = {0.0, -0.0, 1e-300, -1e-300, 40, -40, 800, -800, 1e6, -1e6, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < n; i++) {
            r[i] = i < special.length ? special[i] : rnd.nextGaussian() * (i % 3 == 0 ? 30 : 3);
            c[i] = i >= special.length && i < 2 * special.length ? special[i - special.length] : rnd.nextGaussian() * 2;
            l[i] = rnd.nextGaussian() * 2;
        }
        for (ActivationSpec spec : new ActivationSpec[] {new ActivationSpec.Graetz(0.9, 2), new ActivationSpec.Graetz(1, 2),
                new ActivationSpec.KayPhillips(0.5, 0.5), new ActivationSpec.Schneider(0.1, 0.1, 2, 2)})
            for (double cutoff : new double[] {Double.POSITIVE_INFINITY, 8.0}) {
                ActivationMath f = ActivationMath.of(spec, cutoff);
                for (boolean withSlopes : new boolean[] {true, false}) {
                    double[] t1 = new double[n], t2 = new double[n];
                    double[][] s1 = withSlopes ? new double[3][n] : null, s2 = withSlopes ? new double[3][n] : null;
                    f.applyRange(r, c, l, t1, s1, 3, n - 5);
                    for (int i = 3; i < n - 5; i++) f.apply(r[i], c[i], l[i], t2, s2, i);
                    for (int i = 0; i < n; i++) {
                        assertEquals(Double.doubleToLongBits(t2[i]), Double.doubleToLongBits(t1[i]), spec + " theta " + i);
                        for (int k = 0; withSlopes && k < 3; k++)
                            assertEquals(Double.doubleToLongBits(s2[k][i]), Double.doubleToLongBits(s1[k][i]), spec + " slope " + k + " at " + i);
                    }
                }
            }
    }

    @org.junit.jupiter.api.Test
    void theExponentialIsWithinOneUlpOfTheJdks() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            double x = i < 1000 ? -i * 1e-3 : -rnd.nextDouble() * 708;
            double want = Math.exp(x), got = Sigmoid.expNonPositive(x);
            assertEquals(want, got, Math.ulp(want), "exp(" + x + ")");
        }
        assertEquals(1.0, Sigmoid.expNonPositive(0.0));
        assertEquals(1.0, Sigmoid.expNonPositive(-0.0));
        assertEquals(Math.exp(-708), Sigmoid.expNonPositive(-1e9), Math.ulp(Math.exp(-708)), "clamped below");
        assertEquals(true, Double.isNaN(Sigmoid.expNonPositive(Double.NaN)));
        assertEquals(0.5, Sigmoid.of(0.0));
        assertEquals(1.0, Sigmoid.of(Double.POSITIVE_INFINITY));
        assertEquals(1.0 / (1 + Math.exp(-3)), Sigmoid.of(3), 1e-16);
        assertEquals(Math.exp(-30) / (1 + Math.exp(-30)), Sigmoid.of(-30), 1e-28);
    }
}
