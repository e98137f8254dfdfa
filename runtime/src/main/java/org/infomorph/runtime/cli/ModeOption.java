package org.infomorph.runtime.cli;

import org.infomorph.compiler.mapping.Mode;
import picocli.CommandLine.Option;

/** Shared option: compile for inference only or for on-chip learning. */
final class ModeOption {
    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "LEARN", description = "learn (on-chip learning) or infer (inference only) (default: learn)")
    Mode mode;
}
