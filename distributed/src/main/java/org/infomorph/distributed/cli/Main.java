package org.infomorph.distributed.cli;

import java.io.PrintWriter;
import org.infomorph.distributed.spark.JobFailure;
import org.infomorph.runtime.cli.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands that run on Apache Spark. They live apart from the other commands (and the launcher
 * gives them their own classpath) because Spark 4 needs Scala 2.13.16 and the Chisel side 2.13.15.
 */
@Command(name = "infomorph", mixinStandardHelpOptions = true, versionProvider = SparkVersion.class,
        description = "Goal search and design-space sweeps; every training run is one Apache Spark task.",
        subcommands = {SearchGoalCommand.class, SweepCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv("INFOMORPH_DEBUG") != null, args));
    }

    /** Runs a command with the given writers (tests capture them) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}; {@code debug} prints the stack trace of an internal error. */
    public static int run(PrintWriter out, PrintWriter err, boolean debug, String... args) {
        CommandLine cl = org.infomorph.runtime.cli.Main.configure(new CommandLine(new Main()), out, err, debug);
        CommandLine.IExecutionExceptionHandler common = cl.getExecutionExceptionHandler();
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof JobFailure) {
                cmd.getErr().println("error: " + ex.getMessage());
                return ExitCode.INTERNAL_ERROR.code;
            }
            return common.handleExecutionException(ex, cmd, parsed);
        });
        return org.infomorph.runtime.cli.Main.execute(cl, err, debug, args);
    }
}
