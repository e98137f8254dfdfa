package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.infomorph.compiler.MemoryBudget;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.data.Batches;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Training throughput (samples/s) of the float trainer (L0, or L1 with --rule hw-rule) on a network and data set,",
                "after a warm-up: the mean over the timed batches (the headline figure) and the median batch."})
final class BenchTrainCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json", description = "the network description to time (see docs/network-format.md)")
    Path network;

    @Mixin DataOptions data;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "60", description = "timed training batches (1..1000000; default: ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100",
            description = "untimed warm-up batches, while the JIT compiles the kernels (0..1000000; default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--no-atoms", description = "skip PID-atom monitoring")
    boolean noAtoms;

    @Option(names = "--rule", paramLabel = "RULE", defaultValue = "paper",
            description = "paper (L0) or hw-rule (L1, batch size from the architecture) (default: ${DEFAULT-VALUE})")
    TrainCommand.Rule rule;

    @Mixin ArchOptions arch;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.range("--batches", batches, 1, 1_000_000);
        OptionChecks.range("--warmup", warmup, 0, 1_000_000);
        OptionChecks.onlyWith("--arch", arch.file != null, rule == TrainCommand.Rule.hw_rule, "with --rule paper (the published rule has no architecture)");
        NetworkSpec net = Networks.read(network, null, null);
        ArchConfig a = rule == TrainCommand.Rule.hw_rule ? arch.load() : null;
        MemoryBudget.requireFloat(net, a != null ? a.learning().batchSize() : net.training().batchSize(), network.toString());
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(net, split, network);
        TrainedNetwork initial = NetworkInit.initial(net, net.training().seed());
        Trainer trainer = rule == TrainCommand.Rule.paper ? new Trainer(initial, net.training().seed())
                : Trainer.hardwareRule(initial, a, net.training().seed());
        List<int[]> order = Batches.shuffled(split.train().size(), trainer.batchSize(), 1, 1);
        SplittableRandom rng = new SplittableRandom(1);
        long[] nanos = new long[batches];
        long samples = 0;
        for (int i = 0; i < warmup + batches; i++) {
            long t0 = System.nanoTime();
            var b = Batches.gather(split.train(), order.get(i % order.size()));
            trainer.trainBatch(b, rng, !noAtoms);
            if (i >= warmup) {
                nanos[i - warmup] = System.nanoTime() - t0;
                samples += b.size();
            }
        }
        double seconds = Arrays.stream(nanos).sum() / 1e9;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double medianMs = sorted[batches / 2] / 1e6;
        o.printf("network %s, rule %s, batch %d, %d warm-up + %d timed batches, atoms %s, %d cores, kernels %s%n", net.name(), rule,
                trainer.batchSize(), warmup, batches, noAtoms ? "off" : "on", Runtime.getRuntime().availableProcessors(), Trainer.kernels());
        o.printf("median batch: %.2f ms (%,.0f samples/s)%n", medianMs, trainer.batchSize() / medianMs * 1e3);
        o.printf("training: %.1f ms/batch, %,.0f samples/s%n", 1000 * seconds / batches, samples / seconds);
        return ExitCode.OK.code;
    }
}
