package org.infomorph.compiler.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.network.ActivationSpec;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkJson;
import org.junit.jupiter.api.Test;

class ArchTablesTest {
    @Test
    void sigmoidLutMatchesClosedFormMonotoneAndClamped() {
        ArchConfig a = ArchConfig.defaults();
        int[] lut = ArchTables.of(a).sigmoid();
        assertEquals(256, lut.length);
        for (int i = 0; i < lut.length; i++) {
            double x = -8 + (i + 0.5) * 16.0 / 256;
            long exact = Math.round(256 / (1 + Math.exp(-x)));
            assertEquals(Math.max(1, Math.min(255, exact)), lut[i], "entry " + i);
            assertTrue(lut[i] >= 1 && lut[i] <= 255);
            if (i > 0) assertTrue(lut[i] >= lut[i - 1]);
        }
        assertEquals(1, lut[0]);
        assertEquals(255, lut[255]);
    }

    @Test
    void log2LutMatchesClosedForm() {
        int[] lut = ArchTables.of(ArchConfig.defaults()).log2Mantissa();
        assertEquals(33, lut.length);
        for (int i = 0; i <= 32; i++) assertEquals(Math.round(4096 * Math.log(1 + i / 32.0) / Math.log(2)), lut[i]);
        assertEquals(0, ArchTables.of(ArchConfig.defaults().withLuts(new Luts(256, 3, 0))).log2Mantissa().length);
    }

    @Test
    void layerConstantsQuantised() {
        LayerSpec out = NetworkJson.read(Path.of("../examples/context.json")).layers().get(1);
        LayerConstants k = LayerConstants.of(ArchConfig.defaults(), out);
        // output goal, gamma order {1},{2},{1}{2},{12}: beta = (-0.3, 0, 1.2, 0.1) (notes 7.2), gamma_bottom = gamma_Shd = 1
        assertEquals(-1229, k.beta()[0]);
        assertEquals(0, k.beta()[1]);
        assertEquals(4915, k.beta()[2]);
        assertEquals(410, k.beta()[3]);
        assertEquals(4096, k.gammaBottom());
        // beta / ln 2, rounded once: (-0.4328, 0, 1.7312, 0.1443) * 4096
        assertArrayEquals(new int[] {-1773, 0, 7091, 591}, k.betaR());
        // Graetz k1 = 1, k2 = 2 in the engine's Schneider form [k1, 2(1-k1), 0, k2, 0, 2(1-k1)k2, 0]
        assertArrayEquals(new int[] {4096, 0, 0, 8192, 0, 0, 0}, k.engine());
    }

    @Test
    void constantThatDoesNotFitIsNamed() {
        LayerSpec l = NetworkJson.read(Path.of("../examples/context.json")).layers().get(0);
        LayerSpec big = new LayerSpec(l.name(), l.neurons(), l.sources(), new ActivationSpec.Graetz(0.9, 100), l.goal(), l.binning(),
                l.outputValues(), l.optimizer(), l.bias());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LayerConstants.of(ArchConfig.defaults(), big));
        assertTrue(e.getMessage().contains("layer hidden") && e.getMessage().contains("k2"), e.getMessage());
    }
}
