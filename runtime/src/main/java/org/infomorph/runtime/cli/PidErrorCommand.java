package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.MemoryBudget;
import org.infomorph.compiler.SafeOutput;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigRules;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkStore;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.runtime.analysis.ArchVariant;
import org.infomorph.runtime.analysis.PidErrorSweep;
import org.infomorph.runtime.analysis.SweepReport;
import org.infomorph.runtime.report.HtmlReport;
import org.infomorph.runtime.report.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "pid-error", mixinStandardHelpOptions = true,
        description = {"Validate fixed-point PID: the atom error and L2 accuracy as widths and bins are swept one at a time.",
                "Sweeps weight width, theta width, log2 precision and bin count around the architecture, and reports per",
                "variant the mean |atom error| in bits between the fixed-point and the",
                "float64 decomposition of real histograms of a trained network (end to end, and of the arithmetic alone on the",
                "same histogram), and the L2 deterministic test accuracy.",
                "Writes pid-error.csv and pid-error.png into --out."})
final class PidErrorCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRAINED_DIR", description = "a trained network (from 'train --out')")
    Path trained;

    @Mixin DataOptions data;

    @Mixin ArchOptions arch;

    @Option(names = "--weights", split = ",", paramLabel = "BITS", defaultValue = "6,8,10,12,16", description = "weight widths, each 2..32 (default: ${DEFAULT-VALUE})")
    List<Integer> weights;

    @Option(names = "--theta", split = ",", paramLabel = "BITS", defaultValue = "4,6,8", description = "theta widths, each 1..16 (default: ${DEFAULT-VALUE})")
    List<Integer> theta;

    @Option(names = "--log2", split = ",", paramLabel = "FRAC", defaultValue = "4,8,12,16", description = "log2 fraction bits, each 1..20 (default: ${DEFAULT-VALUE})")
    List<Integer> log2;

    @Option(names = "--mitchell", split = ",", paramLabel = "FRAC", defaultValue = "12", description = "log2 fraction bits with Mitchell's log2, each 1..20 (default: ${DEFAULT-VALUE})")
    List<Integer> mitchell;

    @Option(names = "--bins", split = ",", paramLabel = "N", defaultValue = "4,8,16", description = "bins per source, each a power of two in 2..64 (default: ${DEFAULT-VALUE})")
    List<Integer> bins;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "8", description = "training batches whose histograms are compared (1..100000; default: ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "pid-error",
            description = "output folder: new, empty or an earlier sweep (replaced whole) (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--force", description = "let --out replace a directory that holds other files (never an input)")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.each("--weights", weights, 2, 32);
        OptionChecks.each("--theta", theta, 1, 16);
        OptionChecks.each("--log2", log2, 1, 20);
        OptionChecks.each("--mitchell", mitchell, 1, 20);
        OptionChecks.each("--bins", bins, 2, 64);
        OptionChecks.range("--batches", batches, 1, 100_000);
        List<Path> inputs = Arrays.asList(trained, arch.file, data.cacheDir());
        SafeOutput.check("--out", out, SafeOutput.Kind.PID_ERROR, force, inputs);
        TrainedNetwork net = NetworkStore.load(trained);
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(net.spec(), split, trained);
        ArchConfig base = arch.load();
        List<ArchVariant> variants = new ArrayList<>();
        for (int v : weights) variants.add(ArchVariant.of(base, ArchVariant.WEIGHTS, v));
        for (int v : theta) variants.add(ArchVariant.of(base, ArchVariant.THETA, v));
        for (int v : log2) variants.add(ArchVariant.of(base, ArchVariant.LOG2, v));
        for (int v : mitchell) variants.add(ArchVariant.of(base, ArchVariant.MITCHELL, v));
        for (int v : bins) variants.add(ArchVariant.of(base, ArchVariant.BINS, v));
        for (ArchVariant v : variants) {
            List<String> rules = ArchConfigRules.check(v.arch());
            if (!rules.isEmpty())
                throw new InvalidInputException("--" + option(v.parameter()) + " " + v.value() + ": gives an architecture that breaks a rule: " + rules.get(0));
        }
        MemoryBudget.requireFloat(net.spec(), net.spec().training().batchSize(), trained.toString());
        List<String> layers = net.spec().layers().stream().map(LayerSpec::name).toList();
        o.printf("%-20s %6s", "parameter", "value");
        for (String l : layers) o.printf("  %13s %13s", l + " err", "(arithmetic)");
        o.printf("  %10s%n", "accuracy");
        List<PidErrorSweep.Point> points = new ArrayList<>();
        for (ArchVariant v : variants) {
            PidErrorSweep.Point p = PidErrorSweep.measure(net, v, split, batches, net.spec().training().seed());
            points.add(p);
            o.printf("%-20s %6d", v.parameter(), v.value());
            if (p.problem() != null) {
                o.println("  cannot hold the network: " + p.problem().split("\n")[0]);
                continue;
            }
            for (int l = 0; l < layers.size(); l++) o.printf("  %9.5f bit (%9.6f bit)", p.meanError().get(l), p.arithmeticError().get(l));
            o.printf("  %9.2f%%%n", 100 * p.accuracy());
            o.flush();
        }
        List<String[]> labels = net.spec().layers().stream().map(AtomFormat::labels).toList();
        SafeOutput.write("--out", out, SafeOutput.Kind.PID_ERROR, force, inputs, dir -> {
            SweepReport.csv(points, layers, labels, dir.resolve("pid-error.csv"));
            SweepReport.png(points, layers, dir.resolve("pid-error.png"));
            Provenance p = Provenance.of(spec, java.util.Map.of("network", net.spec().training().seed()), java.util.Map.of());
            java.nio.file.Files.writeString(dir.resolve("index.html"),
                    HtmlReport.render(SweepReport.report(points, layers, dir.resolve("pid-error.png"), p)), java.nio.charset.StandardCharsets.UTF_8);
        });
        o.println("wrote " + out.resolve("pid-error.csv") + ", " + out.resolve("pid-error.png") + " and " + out.resolve("index.html"));
        return ExitCode.OK.code;
    }

    /** The option that sweeps a parameter. */
    private static String option(String parameter) {
        return switch (parameter) {
            case ArchVariant.WEIGHTS -> "weights";
            case ArchVariant.THETA -> "theta";
            case ArchVariant.LOG2 -> "log2";
            case ArchVariant.MITCHELL -> "mitchell";
            default -> "bins";
        };
    }
}
