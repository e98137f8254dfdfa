package org.infomorph.compiler.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FashionMnistTest {

    @Test
    void debianPackageGivesStandardSplit() {
        assumeTrue(FashionMnist.isPresent(FashionMnist.SYSTEM_DIR),
                "fashion-mnist not installed: run scripts/fetch-data (apt-get install dataset-fashion-mnist)");
        long start = System.nanoTime();
        DatasetSplit s = FashionMnist.load();
        System.out.printf("fashion-mnist loaded in %.0f ms%n", (System.nanoTime() - start) / 1e6);
        assertEquals(60_000, s.train().size());
        assertEquals(10_000, s.test().size());
        assertEquals(784, s.features());
        int[] train = new int[10];
        Arrays.fill(train, 6_000);
        int[] test = new int[10];
        Arrays.fill(test, 1_000);
        assertArrayEquals(train, s.train().classCounts());
        assertArrayEquals(test, s.test().classCounts());
        Standardisation after = Standardisation.fit(s.train().x());
        assertEquals(0.0, after.mean(), 1e-9);
        assertEquals(1.0, after.std(), 1e-9);
    }
}
