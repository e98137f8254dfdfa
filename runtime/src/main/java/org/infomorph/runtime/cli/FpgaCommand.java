package org.infomorph.runtime.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code infomorph fpga build|flash}: bitstreams and programming (docs/host-link.md, "Bitstreams"). */
@Command(name = "fpga", mixinStandardHelpOptions = true, description = "FPGA flows: build a board top for an image and target; program a board.",
        subcommands = {FpgaBuildCommand.class, FpgaFlashCommand.class})
final class FpgaCommand implements Runnable {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
