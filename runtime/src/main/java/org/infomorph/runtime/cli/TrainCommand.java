package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.NetworkStore;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.train.EpochReport;
import org.infomorph.compiler.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network with the published infomorphic learning rule in float64 (ladder level L0).",
                "Prints per-epoch train/test accuracy and per-layer mean PID atoms; the last line is 'test accuracy: NN.NN%'."})
final class TrainCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json", description = "network description (see docs/network-format.md)")
    Path network;

    @Mixin DataOptions data;

    @Option(names = "--epochs", paramLabel = "N", description = "override the file's training.epochs")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "override the file's training.seed")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "save the trained network here (network.json + weights.bin)")
    Path out;

    @Option(names = "--no-atoms", description = "skip PID-atom monitoring (faster)")
    boolean noAtoms;

    @Option(names = "--rule", paramLabel = "RULE", defaultValue = "paper",
            description = "paper (L0: the published rule) or hw-rule (L1: the hardware's rule in float64, see docs/llu-rule.md) (default: ${DEFAULT-VALUE})")
    Rule rule;

    @Mixin ArchOptions arch;

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
        NetworkSpec net = Networks.read(network, epochs, seed);
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(net, split, network);
        TrainedNetwork initial = NetworkInit.initial(net, net.training().seed());
        Trainer trainer = rule == Rule.paper ? new Trainer(initial, net.training().seed())
                : Trainer.hardwareRule(initial, arch.load(), net.training().seed());
        TrainingRun run = TrainingRun.execute(trainer, initial, split, !noAtoms, o);
        if (out != null) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            EpochReport last = run.last();
            metrics.put("epoch", (double) last.epoch());
            metrics.put("testAccuracy", last.testAccuracy());
            metrics.put("testAccuracyDeterministic", last.testAccuracyDeterministic());
            if (!Double.isNaN(last.trainAccuracy())) metrics.put("trainAccuracy", last.trainAccuracy());
            NetworkStore.save(run.trained(), metrics, out);
            o.println("saved trained network to " + out);
        }
        o.printf("test accuracy: %.2f%%%n", 100 * run.last().testAccuracy());
        return ExitCode.OK.code;
    }
}
