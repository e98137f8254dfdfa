package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.infomorph.compiler.data.Batches;
import org.infomorph.compiler.data.Batch;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.train.InfomorphicNetwork;
import org.infomorph.compiler.train.SpikeMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training throughput (samples/s) of the L0 trainer on a network and data set, after a warm-up.")
final class BenchTrainCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json", description = "the network description to time (see docs/network-format.md)")
    Path network;

    @Mixin DataOptions data;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "60", description = "timed training batches (1..1000000; default: ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20", description = "untimed warm-up batches (0..1000000; default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--no-atoms", description = "skip PID-atom monitoring")
    boolean noAtoms;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.range("--batches", batches, 1, 1_000_000);
        OptionChecks.range("--warmup", warmup, 0, 1_000_000);
        NetworkSpec net = Networks.read(network, null, null);
        org.infomorph.compiler.MemoryBudget.requireFloat(net, net.training().batchSize(), network.toString());
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(net, split, network);
        InfomorphicNetwork model = new InfomorphicNetwork(NetworkInit.initial(net, net.training().seed()));
        List<int[]> order = Batches.shuffled(split.train().size(), net.training().batchSize(), 1, 1);
        SplittableRandom rng = new SplittableRandom(1);
        long samples = 0;
        long t0 = 0;
        for (int i = 0; i < warmup + batches; i++) {
            if (i == warmup) t0 = System.nanoTime();
            Batch b = Batches.gather(split.train(), order.get(i % order.size()));
            model.beginTrainingBatch();
            InfomorphicNetwork.Forward f = model.forward(b.x(), b.y(), b.size(), SpikeMode.STOCHASTIC, rng, true);
            model.learn(f, !noAtoms);
            if (i >= warmup) samples += b.size();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        o.printf("network %s, batch %d, %d timed batches, atoms %s, %d cores%n", net.name(), net.training().batchSize(), batches,
                noAtoms ? "off" : "on", Runtime.getRuntime().availableProcessors());
        o.printf("training: %.1f ms/batch, %,.0f samples/s%n", 1000 * s / batches, samples / s);
        return ExitCode.OK.code;
    }
}
