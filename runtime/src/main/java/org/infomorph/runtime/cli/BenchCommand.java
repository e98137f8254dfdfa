package org.infomorph.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks that print measured figures: training, PID tables, the integer model, compiling, the RTL.",
                "Give one of the commands below; each prints the machine's figures (check the load first)."},
        subcommands = {BenchTrainCommand.class, BenchPidCommand.class, BenchFixedCommand.class, BenchCompileCommand.class, BenchSimCommand.class, BenchLinkCommand.class})
final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: the usage on stderr and the invalid-input exit code. */
    @Override
    public Integer call() {
        return Usage.missingSubcommand(spec);
    }
}
