package org.infomorph.compiler.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.infomorph.compiler.InvalidInputException;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017) as installed by Debian package
 * {@code dataset-fashion-mnist}: 60,000 train and 10,000 test 28x28 images, 10 classes, in the
 * standard files {@code train-images-idx3-ubyte.gz} etc. under {@link #SYSTEM_DIR}.
 *
 * <p>Samples keep the files' order. Preprocessing: pixels divided by 255, then one scalar mean and
 * unbiased std over all TRAIN pixels applied to both splits (see {@link Standardisation}).
 */
public final class FashionMnist {
    /** Where the Debian package puts the IDX files. */
    public static final Path SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int PIXELS = 28 * 28;
    public static final int CLASSES = 10;

    private FashionMnist() {}

    /** Whether the IDX files are installed in {@code dir}. */
    public static boolean isPresent(Path dir) {
        return Files.isRegularFile(file(dir, "train", "images"));
    }

    /** Standardised split from {@link #SYSTEM_DIR}; tells how to install the package if absent. */
    public static DatasetSplit load() {
        if (!isPresent(SYSTEM_DIR)) {
            throw new InvalidInputException("fashion-mnist is not installed (no " + file(SYSTEM_DIR, "train", "images")
                    + "): run 'apt-get install dataset-fashion-mnist' as root, or scripts/fetch-data");
        }
        return Standardisation.standardise(readRaw(SYSTEM_DIR));
    }

    /** Standardised split if the package is installed. */
    public static Optional<DatasetSplit> loadIfPresent() {
        return isPresent(SYSTEM_DIR) ? Optional.of(Standardisation.standardise(readRaw(SYSTEM_DIR))) : Optional.empty();
    }

    /** The split with pixels scaled to [0, 1] (not standardised), from the four IDX files in {@code dir}. */
    public static DatasetSplit readRaw(Path dir) {
        String name = DatasetName.FASHION_MNIST.id();
        return new DatasetSplit(name, readSplit(dir, "train", name), readSplit(dir, "t10k", name));
    }

    private static Dataset readSplit(Path dir, String split, String name) {
        Path imagesFile = file(dir, split, "images");
        Path labelsFile = file(dir, split, "labels");
        IdxFile images = IdxFile.read(imagesFile);
        IdxFile labels = IdxFile.read(labelsFile);
        if (images.dims().length != 3 || images.itemSize() != PIXELS) {
            throw InvalidInputException.at(imagesFile.toString(), null,
                    "must hold N x 28 x 28 images, holds " + java.util.Arrays.toString(images.dims()));
        }
        if (labels.dims().length != 1 || labels.items() != images.items()) {
            throw InvalidInputException.at(labelsFile.toString(), null, "must hold one label per image ("
                    + images.items() + "), holds " + java.util.Arrays.toString(labels.dims()));
        }
        int[] y = new int[labels.items()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.data()[i] & 0xff;
            if (y[i] >= CLASSES) {
                throw InvalidInputException.at(labelsFile.toString(), "[" + i + "]",
                        "label " + y[i] + " must be in [0, " + CLASSES + ")");
            }
        }
        byte[] pixels = images.data();
        double[] x = new double[pixels.length];
        for (int i = 0; i < x.length; i++) x[i] = (pixels[i] & 0xff) / 255.0;
        return new Dataset(name + "/" + (split.equals("train") ? "train" : "test"), PIXELS, CLASSES, x, y);
    }

    /** {@code <dir>/<split>-<kind>-idx<rank>-ubyte.gz}, or the uncompressed name if only that exists. */
    static Path file(Path dir, String split, String kind) {
        String base = split + "-" + kind + "-idx" + (kind.equals("images") ? 3 : 1) + "-ubyte";
        Path gz = dir.resolve(base + ".gz");
        Path plain = dir.resolve(base);
        return Files.exists(gz) || !Files.exists(plain) ? gz : plain;
    }
}
