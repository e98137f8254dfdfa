package org.infomorph.runtime.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print measured figures (training samples/s, PID table time).",
        subcommands = {BenchTrainCommand.class, BenchPidCommand.class, BenchFixedCommand.class, BenchCompileCommand.class, BenchSimCommand.class, BenchLinkCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
