package org.infomorph.compiler.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NetworkInitTest {
    private static NetworkSpec example(String name) {
        return NetworkJsonExamplesTest.example(name);
    }

    private static SourceSpec square(MaskSpec m, int n) {
        return new SourceSpec(SourceRole.L, "previous:hidden", n, m, false);
    }

    @Test
    void sameSeedGivesIdenticalWeightsDifferentSeedDifferent() {
        NetworkSpec spec = example("context-lateral.json");
        TrainedNetwork a = NetworkInit.initial(spec, 30);
        TrainedNetwork b = NetworkInit.initial(spec, 30);
        TrainedNetwork c = NetworkInit.initial(spec, 31);
        for (int l = 0; l < spec.layers().size(); l++)
            for (int s = 0; s < spec.layers().get(l).sourceCount(); s++) {
                SourceWeights wa = a.layers().get(l).sources().get(s);
                SourceWeights wb = b.layers().get(l).sources().get(s);
                SourceWeights wc = c.layers().get(l).sources().get(s);
                assertArrayEquals(bits(wa.w()), bits(wb.w()));
                assertArrayEquals(bits(wa.b()), bits(wb.b()));
                if (!spec.layers().get(l).sources().get(s).resetToMask()) assertFalse(Arrays.equals(wa.w(), wc.w()), "layer " + l + " source " + s);
                assertFalse(Arrays.equals(wa.b(), wc.b()));
            }
        // sources of one layer do not share a stream
        assertNotEquals(a.layers().get(0).sources().get(0).b()[0], a.layers().get(0).sources().get(1).b()[0]);
    }

    private static long[] bits(double[] d) {
        return Arrays.stream(d).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void weightsLieWithinOneOverSqrtFanInAndFillTheRange() {
        NetworkSpec spec = example("context.json");
        TrainedNetwork net = NetworkInit.initial(spec, 7);
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            for (int s = 0; s < layer.sourceCount(); s++) {
                SourceSpec src = layer.sources().get(s);
                SourceWeights w = net.layers().get(l).sources().get(s);
                assertEquals(layer.neurons(), w.neurons());
                assertEquals(src.size(), w.size());
                double bound = 1 / Math.sqrt(src.size());
                double maxAbs = 0;
                for (double v : w.b()) {
                    assertTrue(Math.abs(v) <= bound, v + " > " + bound);
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
                if (!src.resetToMask()) {
                    for (double v : w.w()) {
                        assertTrue(Math.abs(v) <= bound, v + " > " + bound);
                        maxAbs = Math.max(maxAbs, Math.abs(v));
                    }
                    assertTrue(maxAbs > 0.9 * bound, "range not used: " + maxAbs + " of " + bound);
                }
            }
        }
    }

    @Test
    void resetToMaskStartsAtTheIdentityAndMaskedWeightsAreZero() {
        NetworkSpec spec = example("lateral.json");
        TrainedNetwork net = NetworkInit.initial(spec, 3);
        SourceWeights c = net.layers().get(1).sources().get(1);
        for (int j = 0; j < 10; j++)
            for (int k = 0; k < 10; k++) assertEquals(j == k ? 1.0 : 0.0, c.w()[j * 10 + k]);
        SourceWeights lat = net.layers().get(0).sources().get(1);
        for (int j = 0; j < 100; j++) {
            assertEquals(0L, Double.doubleToRawLongBits(lat.w()[j * 100 + j]), "diagonal must be +0.0");
            assertNotEquals(0.0, lat.w()[j * 100 + (j + 1) % 100]);
        }
    }

    @Test
    void noBiasMeansZeroBiases() {
        NetworkSpec spec = example("readout.json");
        LayerSpec l = spec.outputLayer();
        LayerSpec noBias = new LayerSpec(l.name(), l.neurons(), l.sources(), l.activation(), l.goal(), l.binning(), l.outputValues(), l.optimizer(), false);
        NetworkSpec s2 = new NetworkSpec(spec.name(), spec.features(), spec.classes(), 1, java.util.List.of(noBias), spec.training());
        for (SourceWeights w : NetworkInit.initial(s2, 1).layers().get(0).sources()) assertArrayEquals(new double[10], w.b());
    }

    @Test
    void denseIdentityNoSelfMasks() {
        double[] dense = NetworkInit.mask(new SourceSpec(SourceRole.R, "input", 3, MaskSpec.dense(), false), 2);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, dense);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, NetworkInit.mask(square(MaskSpec.identity(), 3), 3));
        assertArrayEquals(new double[] {0, 1, 1, 1, 0, 1, 1, 1, 0}, NetworkInit.mask(square(MaskSpec.noSelf(), 3), 3));
        assertThrows(IllegalArgumentException.class, () -> NetworkInit.mask(square(MaskSpec.identity(), 3), 4));
        assertThrows(IllegalArgumentException.class, () -> NetworkInit.mask(square(MaskSpec.sparse(3, 1), 3), 3));
    }

    @Property(tries = 50)
    void sparseMaskHasExactlyPartnersPerRowAndZeroDiagonal(@ForAll @IntRange(min = 2, max = 40) int n,
            @ForAll @IntRange(min = 1, max = 39) int partners, @ForAll long seed) {
        if (partners >= n) partners = n - 1;
        SourceSpec s = square(MaskSpec.sparse(partners, seed), n);
        double[] m = NetworkInit.mask(s, n);
        for (int j = 0; j < n; j++) {
            assertEquals(0.0, m[j * n + j]);
            int ones = 0;
            for (int k = 0; k < n; k++) {
                assertTrue(m[j * n + k] == 0.0 || m[j * n + k] == 1.0);
                if (m[j * n + k] == 1.0) ones++;
            }
            assertEquals(partners, ones, "row " + j);
        }
        assertArrayEquals(m, NetworkInit.mask(s, n), "deterministic from the mask seed");
    }

    @Test
    void sparseMaskDependsOnItsSeedAndSpreadsPartners() {
        double[] a = NetworkInit.mask(square(MaskSpec.sparse(10, 1), 100), 100);
        double[] b = NetworkInit.mask(square(MaskSpec.sparse(10, 2), 100), 100);
        assertFalse(Arrays.equals(a, b));
        // every column is chosen by someone: rows are not all the same pattern
        int[] colCount = new int[100];
        for (int j = 0; j < 100; j++) for (int k = 0; k < 100; k++) colCount[k] += (int) a[j * 100 + k];
        assertTrue(Arrays.stream(colCount).filter(c -> c > 0).count() > 90, Arrays.toString(colCount));
        assertTrue(Arrays.stream(colCount).max().getAsInt() < 40, Arrays.toString(colCount));
    }
}
