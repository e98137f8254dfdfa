package org.infomorph.compiler.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetTest {

    @Test
    void sameSeedGivesSameDataAndOtherSeedsDiffer() {
        DatasetSplit a = SyntheticDataset.generate(7);
        DatasetSplit b = SyntheticDataset.generate(7);
        DatasetSplit c = SyntheticDataset.generate(8);
        assertArrayEquals(a.train().x(), b.train().x());
        assertArrayEquals(a.test().x(), b.test().x());
        assertArrayEquals(a.train().y(), b.train().y());
        assertFalse(Arrays.equals(a.train().x(), c.train().x()));
    }

    @Test
    void splitSizesShapesAndBalancedClasses() {
        DatasetSplit s = SyntheticDataset.generate(SyntheticDataset.DEFAULT_SEED);
        assertEquals("synthetic", s.name());
        assertEquals(2_000, s.train().size());
        assertEquals(500, s.test().size());
        assertEquals(64, s.features());
        assertEquals(10, s.classes());
        int[] train = new int[10];
        Arrays.fill(train, 200);
        int[] test = new int[10];
        Arrays.fill(test, 50);
        assertArrayEquals(train, s.train().classCounts());
        assertArrayEquals(test, s.test().classCounts());
    }

    @Test
    void standardisedWithTrainStatistics() {
        Standardisation after = Standardisation.fit(SyntheticDataset.generate(3).train().x());
        assertEquals(0.0, after.mean(), 1e-12);
        assertEquals(1.0, after.std(), 1e-12);
    }

    /** A linear rule (nearest class mean of the train split) must be enough, so trainers can be checked fast. */
    @Test
    void nearestClassMeanClassifiesOver90Percent() {
        DatasetSplit s = SyntheticDataset.generate(SyntheticDataset.DEFAULT_SEED);
        int f = s.features();
        double[][] means = new double[s.classes()][f];
        for (int i = 0; i < s.train().size(); i++) {
            for (int k = 0; k < f; k++) means[s.train().label(i)][k] += s.train().x()[i * f + k] / 200.0;
        }
        int correct = 0;
        for (int i = 0; i < s.test().size(); i++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < means.length; c++) {
                double d = 0;
                for (int k = 0; k < f; k++) d += Math.pow(s.test().x()[i * f + k] - means[c][k], 2);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            if (best == s.test().label(i)) correct++;
        }
        double accuracy = correct / (double) s.test().size();
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);
    }

    @Test
    void loadingNeverTouchesTheCacheOrLogs(@TempDir Path tmp) {
        DataCache cache = new DataCache(tmp.resolve("absent"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DatasetSplit s = Datasets.load(DatasetName.SYNTHETIC, cache, new PrintStream(log));
        assertArrayEquals(SyntheticDataset.generate(SyntheticDataset.DEFAULT_SEED).train().x(), s.train().x());
        assertTrue(Datasets.loadIfPresent(DatasetName.SYNTHETIC, cache).isPresent());
        assertFalse(Files.exists(cache.dir()));
        assertEquals(0, log.size());
    }
}
