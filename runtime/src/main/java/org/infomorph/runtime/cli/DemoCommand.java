package org.infomorph.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infomorph.compiler.SafeOutput;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkLimits;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.train.EpochReport;
import org.infomorph.runtime.report.DemoReport;
import org.infomorph.runtime.report.DemoSummary;
import org.infomorph.runtime.report.HtmlReport;
import org.infomorph.runtime.report.JsonSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job: the built-in context network (784-100-10) down the verification ladder, L0 to L3.",
                "L0 trains with the published rule; its result is quantised and run on the bit-exact integer model (L2);",
                "then L1 (the hardware rule in float) and L2 learn from scratch on chip; finally the quantised image runs on the",
                "Chisel RTL in Verilator (L3), and on the simulated board over its host link (L4), in lockstep with L2.",
                "Prints accuracy, PID atoms, mismatches and cycles."})
final class DemoCommand implements Callable<Integer> {
    static final String NETWORK = "examples/context.json";

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin DataOptions data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "epochs to train (0.." + NetworkLimits.MAX_EPOCHS + "; default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", description = "seed (any 64-bit integer; default: the network's)")
    Long seed;

    @Option(names = "--chip-epochs", paramLabel = "N", defaultValue = "5", description = "epochs of L1 and L2 learning from scratch (0.." + NetworkLimits.MAX_EPOCHS + "; default: ${DEFAULT-VALUE})")
    int chipEpochs;

    @Mixin ArchOptions arch;

    @Option(names = "--rtl-learn-batches", paramLabel = "N", defaultValue = "1", description = "on-chip learning batches in the L3 lockstep check (0.." + NetworkLimits.MAX_EPOCHS + "; default: ${DEFAULT-VALUE})")
    int rtlLearnBatches;

    @Option(names = "--rtl-test-batches", paramLabel = "N", defaultValue = "2",
            description = "test batches in the L3 lockstep check (1.." + NetworkLimits.MAX_EPOCHS + "; default: ${DEFAULT-VALUE}; 'infomorph verify' checks the whole split)")
    int rtlTestBatches;

    @Option(names = "--board-test-batches", paramLabel = "N", defaultValue = "1",
            description = "test batches in the L4 lockstep check on the simulated board (0 skips L4; 0.." + NetworkLimits.MAX_EPOCHS + "; default: ${DEFAULT-VALUE})")
    int boardTestBatches;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "report",
            description = "write the report (index.html: one self-contained page with the plots) into DIR: new, empty or an earlier report (default: ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON (format " + DemoSummary.FORMAT + ", docs/report.md)")
    Path json;

    @Option(names = "--quiet", description = "print only the summary (no per-epoch lines, no progress)")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter summaryOut = spec.commandLine().getOut();
        PrintWriter o = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : summaryOut;
        try (Progress.Scope ignored = Progress.quiet(quiet)) {
            return run(o, summaryOut);
        }
    }

    private int run(PrintWriter o, PrintWriter summaryOut) throws IOException {
        OptionChecks.range("--epochs", epochs, 0, NetworkLimits.MAX_EPOCHS);
        OptionChecks.range("--chip-epochs", chipEpochs, 0, NetworkLimits.MAX_EPOCHS);
        OptionChecks.range("--rtl-learn-batches", rtlLearnBatches, 0, NetworkLimits.MAX_EPOCHS);
        OptionChecks.range("--rtl-test-batches", rtlTestBatches, 1, NetworkLimits.MAX_EPOCHS);
        OptionChecks.range("--board-test-batches", boardTestBatches, 0, NetworkLimits.MAX_EPOCHS);
        RtlStage.checkWaveform();
        List<Path> inputs = java.util.Arrays.asList(arch.file, data.cacheDir());
        SafeOutput.check("--report", report, SafeOutput.Kind.REPORT, false, inputs);
        JsonSummary.check("--json", json, inputs);
        NetworkSpec net = Networks.override(builtIn(), epochs, seed);
        o.printf("infomorph demo: %s (%s) on %s, %d epochs, batch %d, seed %d%n", net.name(), NETWORK, data.dataset,
                net.training().epochs(), net.training().batchSize(), net.training().seed());
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(net, split, NETWORK);
        o.printf("data: %d train / %d test samples%n%n", split.train().size(), split.test().size());
        o.println("L0 (paper rule, float64)");
        long t0 = System.nanoTime();
        TrainingRun run = TrainingRun.execute(NetworkInit.initial(net, net.training().seed()), split, true, o);
        double l0Seconds = (System.nanoTime() - t0) / 1e9;
        Ladder ladder = Ladder.run(net, run, split, arch.load(), chipEpochs, o);
        RtlStage rtl = RtlStage.run(ladder.quantised().image(), split, rtlLearnBatches, rtlTestBatches, o);
        RtlStage board = boardTestBatches == 0 ? null : RtlStage.board(ladder.quantised().image(), split, 0, boardTestBatches, o);
        DemoSummary figures = DemoFigures.of(spec, net, data.dataset(), split, run, l0Seconds,
                ladder, arch.load(), chipEpochs, rtl, board, DemoFigures.neuronAtoms(run.trained(), split));
        JsonSummary.write("--json", json, figures);
        SafeOutput.write("--report", report, SafeOutput.Kind.REPORT, false, inputs,
                dir -> Files.writeString(dir.resolve("index.html"), HtmlReport.render(DemoReport.of(figures, report)), StandardCharsets.UTF_8));
        summary(summaryOut, net, run, ladder, rtl, board, "report: " + report.resolve("index.html") + (json != null ? "; figures: " + json : ""));
        return rtl.result().passed() && (board == null || board.result().passed()) ? ExitCode.OK.code : ExitCode.CHECK_FAILED.code;
    }

    private static NetworkSpec builtIn() throws IOException {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(NETWORK)) {
            if (in == null) throw new IllegalStateException(NETWORK + " is missing from the jar");
            return NetworkJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), NETWORK);
        }
    }

    private static void summary(PrintWriter o, NetworkSpec net, TrainingRun run, Ladder ladder, RtlStage rtl, RtlStage board, String reportLine) {
        EpochReport last = run.last();
        List<LayerSpec> layers = net.layers();
        o.println();
        o.println("== summary ==");
        o.printf("ladder level L0 (paper): after %d epochs%n", last.epoch());
        o.printf("  train accuracy (label as context):            %6.2f%%%n", 100 * last.trainAccuracy());
        o.printf("  test accuracy, reference metric:              %6.2f%%%n", 100 * last.testAccuracy());
        o.printf("  test accuracy, deterministic (argmax spikes): %6.2f%%%n", 100 * last.testAccuracyDeterministic());
        o.printf("  training speed: %,.0f samples/s%n", last.samplesPerSecond());
        o.println("  mean PID atoms per layer (bits, last epoch):");
        for (int l = 0; l < last.atoms().size(); l++) o.println("    " + AtomFormat.line(layers.get(l), last.atoms().get(l)));
        ladder.print(o);
        rtl.print(o);
        if (board != null) board.print(o);
        else o.println("ladder level L4 (board): skipped (--board-test-batches 0)");
        o.println(reportLine);
        o.printf("test accuracy: %.2f%%%n", 100 * last.testAccuracy());
    }
}
