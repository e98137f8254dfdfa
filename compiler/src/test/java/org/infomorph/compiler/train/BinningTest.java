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

    @Test
    void theFastBucketIsTheSearchOverTheEdges() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (BinningSpec spec : new BinningSpec[] {new BinningSpec(BinningKind.FIXED, 20, -20, 20),
                new BinningSpec(BinningKind.ADAPTIVE, 20, 0, 0), new BinningSpec(BinningKind.FIXED, 7, -3.3, 11.9),
                new BinningSpec(BinningKind.ADAPTIVE, 3, 0, 0)}) {
            Binning bins = new Binning(spec);
            double lo = spec.kind() == BinningKind.ADAPTIVE ? -1 : spec.low(), hi = spec.kind() == BinningKind.ADAPTIVE ? 1 : spec.high();
            int nb = spec.bins();
            double[] edges = new double[nb + 1];
            for (int k = 0; k <= nb; k++) edges[k] = lo + (hi - lo) * k / nb;
            edges[nb] = hi;
            java.util.List<Double> xs = new java.util.ArrayList<>(java.util.List.of(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
            for (double e : edges) {
                xs.add(e);
                xs.add(Math.nextUp(e));
                xs.add(Math.nextDown(e));
                xs.add(e + 1e-4);
                xs.add(Math.nextUp(e + 1e-4));
            }
            for (int i = 0; i < 20000; i++) xs.add(lo - 1 + (hi - lo + 2) * rnd.nextDouble());
            for (double x : xs) assertEquals(searched(edges, x), bins.bucket(x), spec + " x=" + x);
        }
    }

    /** torch.bucketize(clamp(x, e0 + 1e-4, e_nb), edges, right=False) - 1 by binary search, as the notes state it. */
    private static int searched(double[] edges, double x) {
        int nb = edges.length - 1;
        double xc = Math.min(Math.max(x, edges[0] + 1e-4), edges[nb]);
        int lo = 1, hi = nb;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xc <= edges[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo - 1;
    }
}
