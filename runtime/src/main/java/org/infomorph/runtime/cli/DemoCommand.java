package org.infomorph.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkLimits;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.train.EpochReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job: the built-in context network (784-100-10) down the verification ladder, L0 to L3.",
                "L0 trains with the published rule; its result is quantised and run on the bit-exact integer model (L2);",
                "then L1 (the hardware rule in float) and L2 learn from scratch on chip; finally the quantised image runs on the",
                "Chisel RTL in Verilator (L3) in lockstep with L2. Prints accuracy, PID atoms, mismatches and cycles."})
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

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.range("--epochs", epochs, 0, NetworkLimits.MAX_EPOCHS);
        OptionChecks.range("--chip-epochs", chipEpochs, 0, NetworkLimits.MAX_EPOCHS);
        OptionChecks.range("--rtl-learn-batches", rtlLearnBatches, 0, NetworkLimits.MAX_EPOCHS);
        OptionChecks.range("--rtl-test-batches", rtlTestBatches, 1, NetworkLimits.MAX_EPOCHS);
        RtlStage.checkWaveform();
        NetworkSpec net = Networks.override(builtIn(), epochs, seed);
        o.printf("infomorph demo: %s (%s) on %s, %d epochs, batch %d, seed %d%n", net.name(), NETWORK, data.dataset,
                net.training().epochs(), net.training().batchSize(), net.training().seed());
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(net, split, NETWORK);
        o.printf("data: %d train / %d test samples%n%n", split.train().size(), split.test().size());
        o.println("L0 (paper rule, float64)");
        TrainingRun run = TrainingRun.execute(NetworkInit.initial(net, net.training().seed()), split, true, o);
        Ladder ladder = Ladder.run(net, run, split, arch.load(), chipEpochs, o);
        RtlStage rtl = RtlStage.run(ladder.quantised().image(), split, rtlLearnBatches, rtlTestBatches, o);
        summary(o, net, run, ladder, rtl);
        return rtl.result().passed() ? ExitCode.OK.code : ExitCode.CHECK_FAILED.code;
    }

    private static NetworkSpec builtIn() throws IOException {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(NETWORK)) {
            if (in == null) throw new IllegalStateException(NETWORK + " is missing from the jar");
            return NetworkJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), NETWORK);
        }
    }

    private static void summary(PrintWriter o, NetworkSpec net, TrainingRun run, Ladder ladder, RtlStage rtl) {
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
        o.println("level L4 (board) is not built yet");
        o.printf("test accuracy: %.2f%%%n", 100 * last.testAccuracy());
    }
}
