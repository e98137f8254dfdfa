package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infomorph.compiler.MemoryBudget;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.NetworkStore;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a trained network (a directory written by 'train --out') on a data set's test split.",
                "Prints the reference metric (stochastic hidden spikes, per-batch output polarity) and the deterministic one",
                "(argmax spikes, polarity frozen from the training inputs); the last line is 'test accuracy: NN.NN%%'."})
final class EvalCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRAINED_DIR", description = "a trained network: the directory 'train --out' wrote (network.json + weights.bin)")
    Path trained;

    @Mixin DataOptions data;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the stochastic spikes and test-batch order (any 64-bit integer; default: the network's)")
    Long seed;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        TrainedNetwork net = NetworkStore.load(trained);
        MemoryBudget.requireFloat(net.spec(), net.spec().training().batchSize(), trained.toString());
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(net.spec(), split, trained.resolve("network.json"));
        Trainer trainer = new Trainer(net, seed != null ? seed : net.spec().training().seed());
        Trainer.Evaluation ev = trainer.evaluate(split, 0);
        o.printf("network %s on %s: %d test samples%n", net.spec().name(), split.name(), split.test().size());
        o.printf("deterministic test accuracy: %.2f%%%n", 100 * ev.deterministic());
        o.printf("test accuracy: %.2f%%%n", 100 * ev.stochastic());
        return ExitCode.OK.code;
    }
}
