package org.infomorph.distributed.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanCiTest {
    @Test
    void studentTIntervalOfThreeValues() {
        // 1, 2, 3: mean 2, s = 1, t(0.975, 2) = 4.302652729749464 (tables), half-width t / sqrt(3)
        MeanCi m = MeanCi.of(1, 2, 3);
        assertEquals(3, m.n());
        assertEquals(2.0, m.mean(), 1e-15);
        assertEquals(4.302652729749464 / Math.sqrt(3), m.halfWidth(), 1e-9);
    }

    @Test
    void largeSampleApproachesNormalQuantile() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) v[i] = i % 2; // s = sqrt(1000/999)/2
        MeanCi m = MeanCi.of(v);
        double s = Math.sqrt(1000.0 / 999) / 2;
        assertEquals(1.962341461 * s / Math.sqrt(1000), m.halfWidth(), 1e-8); // t(0.975, 999)
    }

    @Test
    void oneValueHasNoIntervalAndNaNsAreLeftOut() {
        MeanCi m = MeanCi.of(0.5, Double.NaN);
        assertEquals(1, m.n());
        assertEquals(0.5, m.mean());
        assertTrue(Double.isNaN(m.halfWidth()));
        assertTrue(Double.isNaN(MeanCi.of().mean()));
    }
}
