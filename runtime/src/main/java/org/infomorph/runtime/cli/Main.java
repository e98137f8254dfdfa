package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.infomorph.json.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code infomorph} command. */
@Command(
        name = "infomorph",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Infomorphic networks on local-learning hardware: train, analyse, compile, run and verify.",
                "Exit codes: 0 success, 1 a check failed, 2 invalid input (one line on stderr naming the file, the field and the fix),",
                "3 an error inside infomorph (INFOMORPH_DEBUG=1 shows the stack trace)."},
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
            SynthCommand.class,
            CalibrateCommand.class,
            FpgaCommand.class,
            CheckCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: the usage on stderr and the invalid-input exit code (nothing was done). */
    @Override
    public Integer call() {
        return Usage.missingSubcommand(spec);
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv("INFOMORPH_DEBUG") != null, args));
    }

    /** Runs the CLI with the given writers (tests capture them) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}; {@code debug} prints the stack trace of an internal error. */
    public static int run(PrintWriter out, PrintWriter err, boolean debug, String... args) {
        return execute(commandLine(out, err, debug), err, debug, args);
    }

    /** Executes a configured command line (also the Spark commands'), mapping even an uncaught Error to one exit code. */
    public static int execute(CommandLine cl, PrintWriter err, boolean debug, String... args) {
        try {
            return cl.execute(args);
        } catch (Throwable t) { // an Error (e.g. out of memory) that picocli does not catch: still one exit code, no JVM dump
            return handle(t, err, debug);
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean debug) {
        return configure(new CommandLine(new Main()), out, err, debug);
    }

    /** The writers, enum parsing and exit-code mapping of every infomorph command line (also the Spark commands'). */
    public static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err, boolean debug) {
        LogFormat.install(); // log records (e.g. "building the simulation library ...") as one line each, not two with a date
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, cmd.getErr(), debug));
        cl.setParameterExceptionHandler((ex, args) -> Usage.error(ex));
        return cl;
    }

    /** Maps what a command threw to one or two lines on stderr and an exit code; the only place that does. */
    static int handle(Throwable ex, PrintWriter err, boolean debug) {
        for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InputException e) {
                err.println("error: " + Usage.oneLine(e.first()));
                int more = e.total() - 1;
                if (more > 0) err.println("error: and " + more + " more problem" + (more == 1 ? "" : "s") + " (" + e.more() + ")");
                err.flush();
                return ExitCode.INVALID_INPUT.code;
            }
            if (c instanceof org.infomorph.runtime.fpga.LinkException le) {
                // no such port, a silent board, another design, a reset board: one line
                err.println("error: " + Usage.oneLine(le.getMessage()));
                err.flush();
                return le.kind.userError ? ExitCode.INVALID_INPUT.code : ExitCode.INTERNAL_ERROR.code;
            }
            if (c instanceof org.infomorph.runtime.sim.SimException) {
                // a missing tool, a failed build or a crash inside the model: one line, no JVM stack trace
                err.println("error: " + Usage.oneLine(c.getMessage()));
                err.flush();
                return ExitCode.INTERNAL_ERROR.code;
            }
        }
        err.println("internal error: " + Usage.oneLine(String.valueOf(ex)));
        if (debug) ex.printStackTrace(err);
        else err.println("(this is a bug in infomorph; set INFOMORPH_DEBUG=1 for the stack trace and report it)");
        err.flush();
        return ExitCode.INTERNAL_ERROR.code;
    }
}
