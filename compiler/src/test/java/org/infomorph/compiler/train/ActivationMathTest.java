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
}
