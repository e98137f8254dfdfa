package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.infomorph.compiler.pid.PidBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pid", mixinStandardHelpOptions = true,
        description = "Time of the PID coefficient tables (and atoms) for 100 neurons, B = 256, 20x20 and 20x20x20 bins, one thread.")
final class BenchPidCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--reps", paramLabel = "N", defaultValue = "400", description = "timed batches per case (1..1000000; default: ${DEFAULT-VALUE})")
    int reps;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.range("--reps", reps, 1, 1_000_000);
        for (int[] bins : new int[][] {{20, 20}, {20, 20, 20}})
            for (boolean atoms : new boolean[] {false, true})
                o.printf("bins %-8s  100 neurons  B=256  %-16s %8.3f ms/batch%n", bins.length == 2 ? "20x20" : "20x20x20",
                        atoms ? "tables + atoms" : "tables", PidBench.msPerBatch(bins, atoms, reps));
        return ExitCode.OK.code;
    }
}
