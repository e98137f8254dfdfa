package org.infomorph.runtime.cli;

import java.nio.file.Path;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import picocli.CommandLine.Option;

/** Shared option that picks the architecture configuration (default: ArchConfig.defaults()). */
public final class ArchOptions {
    @Option(names = "--arch", paramLabel = "ARCH.json", description = "architecture configuration (default: the built-in default architecture)")
    Path file;

    public ArchConfig load() {
        return file == null ? ArchConfig.defaults() : ArchConfigJson.read(file);
    }
}
