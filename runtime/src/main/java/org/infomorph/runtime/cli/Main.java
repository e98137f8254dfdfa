package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import org.infomorph.compiler.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code infomorph} command. */
@Command(
        name = "infomorph",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Infomorphic networks on local-learning hardware: train, analyse, compile, run, verify.",
        footer = {"", "Run on Apache Spark (embedded by default; see their --help):",
                "  search-goal  search a layer's goal vector with CMA-ES",
                "  sweep        train a grid of architectures, goals, seeds, data sets and levels"},
        subcommands = {
            TrainCommand.class,
            EvalCommand.class,
            PidCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            QuantizeCommand.class,
            RunCommand.class,
            PidErrorCommand.class,
            ArchCommand.class,
            FitCommand.class,
            CompileCommand.class,
            InspectCommand.class,
            VerifyCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static boolean userError(Throwable t) {
        return t instanceof InvalidInputException || t instanceof org.infomorph.targets.TargetException;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given writers (tests capture them) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new Main()), out, err);
    }

    /** The writers, enum parsing and exit-code mapping of every infomorph command line (also the Spark commands'). */
    public static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            while (!userError(t) && t.getCause() != null && t.getCause() != t) t = t.getCause();
            if (userError(t)) {
                cmd.getErr().println("error: " + t.getMessage());
                return ExitCode.INVALID_INPUT.code;
            }
            for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause())
                if (c instanceof org.infomorph.runtime.sim.SimException) {
                    // a missing tool, a failed build or a crash inside the model: one line, no JVM stack trace
                    cmd.getErr().println("error: " + c.getMessage());
                    return ExitCode.INTERNAL_ERROR.code;
                }
            cmd.getErr().println("internal error: " + ex);
            if (System.getenv("INFOMORPH_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            else cmd.getErr().println("(set INFOMORPH_DEBUG=1 for the stack trace)");
            return ExitCode.INTERNAL_ERROR.code;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("error: " + ex.getMessage());
            cmd.getErr().println("(see: infomorph " + cmd.getCommandName() + " --help)");
            return ExitCode.INVALID_INPUT.code;
        });
        return cl;
    }
}
