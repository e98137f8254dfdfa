package org.infomorph.runtime.cli;

import java.nio.file.Path;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import picocli.CommandLine.Option;

/** Shared option that picks the architecture configuration (default: ArchConfig.defaults()). */
public final class ArchOptions {
    @Option(names = "--arch", paramLabel = "ARCH.json", description = "architecture configuration JSON (default: the built-in default; 'infomorph arch' prints it)")
    Path file;

    public ArchConfig load() {
        OptionChecks.path("--arch", file, "an architecture JSON file ('infomorph arch' prints one to start from)");
        return file == null ? ArchConfig.defaults() : ArchConfigJson.read(file);
    }
}
