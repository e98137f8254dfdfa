package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infomorph.compiler.MemoryBudget;
import org.infomorph.compiler.SafeOutput;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkLimits;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.NetworkStore;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.train.EpochReport;
import org.infomorph.compiler.train.Trainer;
import org.infomorph.runtime.report.JsonSummary;
import org.infomorph.runtime.report.TrainSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network with the published infomorphic learning rule in float64 (ladder level L0).",
                "Prints per-epoch train/test accuracy and per-layer mean PID atoms; the last line is 'test accuracy: NN.NN%%'.",
                "With --rule hw-rule it trains with the hardware's rule in float64 (L1) under --arch."})
final class TrainCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json", description = "the network description to train (see docs/network-format.md; examples/ has the paper's models)")
    Path network;

    @Mixin DataOptions data;

    @Option(names = "--epochs", paramLabel = "N", description = "override the file's training.epochs (0.." + NetworkLimits.MAX_EPOCHS + ")")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "override the file's training.seed (any 64-bit integer)")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = {"save the trained network here (network.json + weights.bin); DIR must be new, empty",
            "or an earlier trained network (replaced whole)"})
    Path out;

    @Option(names = "--force", description = "let --out replace a directory that holds other files (never an input)")
    boolean force;

    @Option(names = "--no-atoms", description = "skip PID-atom monitoring (faster)")
    boolean noAtoms;

    @Option(names = "--rule", paramLabel = "RULE", defaultValue = "paper",
            description = "paper (L0: the published rule) or hw-rule (L1: the hardware's rule in float64, see docs/llu-rule.md) (default: ${DEFAULT-VALUE})")
    Rule rule;

    @Mixin ArchOptions arch;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON (format " + TrainSummary.FORMAT + ", docs/report.md)")
    Path json;

    enum Rule {
        paper, hw_rule;

        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.range("--epochs", epochs, 0, NetworkLimits.MAX_EPOCHS);
        OptionChecks.onlyWith("--arch", arch.file != null, rule == Rule.hw_rule, "with --rule paper (the published rule has no architecture)");
        OptionChecks.onlyWith("--force", force, out != null, "without --out");
        List<Path> inputs = java.util.Arrays.asList(network, arch.file, data.cacheDir());
        if (out != null) SafeOutput.check("--out", out, SafeOutput.Kind.TRAINED, force, inputs);
        JsonSummary.check("--json", json, inputs);
        NetworkSpec net = Networks.read(network, epochs, seed);
        ArchConfig a = rule == Rule.hw_rule ? arch.load() : null;
        MemoryBudget.requireFloat(net, a != null ? a.learning().batchSize() : net.training().batchSize(), network.toString());
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(net, split, network);
        TrainedNetwork initial = NetworkInit.initial(net, net.training().seed());
        Trainer trainer = rule == Rule.paper ? new Trainer(initial, net.training().seed()) : Trainer.hardwareRule(initial, a, net.training().seed());
        TrainingRun run = TrainingRun.execute(trainer, initial, split, !noAtoms, o);
        if (out != null) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            EpochReport last = run.last();
            metrics.put("epoch", (double) last.epoch());
            metrics.put("testAccuracy", last.testAccuracy());
            metrics.put("testAccuracyDeterministic", last.testAccuracyDeterministic());
            if (!Double.isNaN(last.trainAccuracy())) metrics.put("trainAccuracy", last.trainAccuracy());
            SafeOutput.write("--out", out, SafeOutput.Kind.TRAINED, force, inputs, dir -> NetworkStore.save(run.trained(), metrics, dir));
            o.println("saved trained network to " + out);
        }
        JsonSummary.write("--json", json, run.summary(spec, net, data.dataset(), rule.toString(), out));
        o.printf("test accuracy: %.2f%%%n", 100 * run.last().testAccuracy());
        return ExitCode.OK.code;
    }
}
