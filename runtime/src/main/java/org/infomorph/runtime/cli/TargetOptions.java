package org.infomorph.runtime.cli;

import java.nio.file.Path;
import org.infomorph.targets.TargetDescriptor;
import org.infomorph.targets.Targets;
import picocli.CommandLine.Option;

/** Shared options that pick the target: a built-in name or a descriptor file. */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "NAME", description = "built-in target: verilator, ice40up5k-icebreaker, ecp5-85f-ulx3s, xc7a35t-arty-a7 (default: verilator)")
    String name;

    @Option(names = "--target-file", paramLabel = "FILE", description = "a target descriptor JSON (see docs/targets.md)")
    Path file;

    TargetDescriptor load() {
        OptionChecks.path("--target-file", file, "a target descriptor JSON file (see docs/targets.md)");
        return Targets.resolve(name, file);
    }
}
