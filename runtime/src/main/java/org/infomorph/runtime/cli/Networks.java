package org.infomorph.runtime.cli;

import java.nio.file.Path;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.TrainingSpec;

/** Reading a network file with command-line overrides, and matching it to a data set. */
public final class Networks {
    private Networks() {}

    public static NetworkSpec read(Path file, Integer epochs, Long seed) {
        return override(NetworkJson.read(file), epochs, seed);
    }

    public static NetworkSpec override(NetworkSpec spec, Integer epochs, Long seed) {
        if (epochs != null && epochs < 0) throw new InvalidInputException("--epochs: must be >= 0, got " + epochs);
        TrainingSpec t = spec.training();
        TrainingSpec nt = new TrainingSpec(t.batchSize(), epochs != null ? epochs : t.epochs(), seed != null ? seed : t.seed());
        return new NetworkSpec(spec.name(), spec.features(), spec.classes(), spec.steps(), spec.layers(), nt);
    }

    public static void checkFits(NetworkSpec spec, DatasetSplit data, Object file) {
        if (spec.features() != data.features())
            throw InvalidInputException.at(String.valueOf(file), "features",
                    "is " + spec.features() + " but data set " + data.name() + " has " + data.features() + " features; use a network made for it");
        if (spec.classes() != data.classes())
            throw InvalidInputException.at(String.valueOf(file), "classes",
                    "is " + spec.classes() + " but data set " + data.name() + " has " + data.classes() + " classes");
    }
}
