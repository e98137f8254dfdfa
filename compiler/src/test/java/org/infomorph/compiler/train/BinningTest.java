package org.infomorph.compiler.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infomorph.compiler.network.BinningKind;
import org.infomorph.compiler.network.BinningSpec;
import org.junit.jupiter.api.Test;

class BinningTest {
    private final Binning fixed = new Binning(new BinningSpec(BinningKind.FIXED, 20, -20, 20));
    private final Binning adaptive = new Binning(new BinningSpec(BinningKind.ADAPTIVE, 20, 0, 0));

    @Test
    void fixedRangeMatchesTheClosedFormOfTheNotes() {
        // bin = ceil((x+20)/2) - 1, clipped to [0,19]
        double[] xs = {-25, -20, -19.99, -18, -17.5, -0.5, 0, 0.5, 2, 2.0001, 19.9, 20, 35};
        for (double x : xs) {
            int expected = (int) Math.min(19, Math.max(0, Math.ceil((x + 20) / 2) - 1));
            assertEquals(expected, fixed.bucket(x), "x=" + x);
        }
    }

    @Test
    void valuesOnAnEdgeGoToTheLowerBin() {
        assertEquals(0, fixed.bucket(-18)); // (-20,-18] is bin 0
        assertEquals(1, fixed.bucket(-17.999));
        assertEquals(14, adaptive.bucket(0.5)); // e_15 = 0.5 exactly
        assertEquals(15, adaptive.bucket(0.5000001));
    }

    @Test
    void adaptiveNormalisesPerNeuronByTheBatchMaxAbs() {
        // B=4, n=2: column 0 = {-2, -1, 1, 2} -> x/2 = {-1, -.5, .5, 1}; column 1 all zero
        double[] sums = {-2, 0, -1, 0, 1, 0, 2, 0};
        int[] out = new int[4];
        adaptive.bin(sums, 4, 2, 0, out);
        assertArrayEquals(new int[] {0, 4, 14, 19}, out);
        adaptive.bin(sums, 4, 2, 1, out);
        assertArrayEquals(new int[] {9, 9, 9, 9}, out); // 0 sits on e_10 = 0, so bin 9
    }
}
