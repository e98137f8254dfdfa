package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.MemoryBudget;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.ImageDirectory;
import org.infomorph.compiler.network.NetworkLimits;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.image.ImageStore;
import org.infomorph.compiler.image.PostTrainingQuantiser;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.NetworkStore;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.train.Trainer;
import org.infomorph.runtime.device.DeviceState;
import org.infomorph.runtime.reference.ReferenceDevice;
import org.infomorph.runtime.run.DeviceRunner;
import org.infomorph.runtime.report.EpochFigures;
import org.infomorph.runtime.report.JsonSummary;
import org.infomorph.runtime.report.Provenance;
import org.infomorph.runtime.report.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a network at one level of the ladder: infer, or (--learn) learn first, then infer.",
                "NETWORK is a network file (fresh weights), a trained-network directory or (fixed level) an image directory.",
                "Levels: paper (L0, float, published rule), hw-rule (L1, float, hardware rule), fixed (L2, bit-exact integer model)."})
final class RunCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    enum Level {
        paper, hw_rule, fixed;

        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "paper (L0), hw-rule (L1) or fixed (L2)")
    Level level;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "a network file (fresh weights), a trained-network directory or (fixed level) an image directory")
    Path network;

    @Mixin DataOptions data;

    @Mixin ArchOptions arch;

    @Option(names = "--learn", description = "learn (from scratch for a network file) before evaluating")
    boolean learn;

    @Option(names = "--epochs", paramLabel = "N", description = "learning epochs with --learn (0.." + NetworkLimits.MAX_EPOCHS + "; default: the network file's)")
    Integer epochs;

    @Option(names = "--batches", paramLabel = "N", description = "at most N learning batches per epoch (fixed level with --learn; 1.." + Integer.MAX_VALUE + ")")
    Integer batches;

    @Option(names = "--seed", paramLabel = "S", description = "seed (any 64-bit integer; default: the network's)")
    Long seed;

    @Option(names = "--state-hash", description = "print 'state hash: <hex>' of the complete final state as the last line")
    boolean stateHash;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON (format " + RunSummary.FORMAT + ", docs/report.md)")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.range("--epochs", epochs, 0, NetworkLimits.MAX_EPOCHS);
        OptionChecks.range("--batches", batches, 1, Integer.MAX_VALUE);
        OptionChecks.onlyWith("--epochs", epochs != null, learn, "without --learn");
        OptionChecks.onlyWith("--batches", batches != null, learn && level == Level.fixed, "except at --level fixed with --learn");
        OptionChecks.onlyWith("--arch", arch.file != null, level != Level.paper, "at --level paper (the published rule has no architecture)");
        JsonSummary.check("--json", json, java.util.Arrays.asList(network, arch.file, data.cacheDir()));
        ArchConfig archConfig = arch.load();
        Source src = Source.of(network, epochs, seed);
        if (src.image() != null) OptionChecks.onlyWith("--arch", arch.file != null, false, "with an image (it carries its own architecture)");
        if (level == Level.fixed) MemoryBudget.requireFixed(src.spec(), src.image() != null ? src.image().arch() : archConfig, network.toString());
        else MemoryBudget.requireFloat(src.spec(), level == Level.paper ? src.spec().training().batchSize() : archConfig.learning().batchSize(), network.toString());
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(src.spec(), split, network);
        long s = src.spec().training().seed();
        if (level != Level.fixed) return runFloat(o, src, archConfig, split, s);
        Image image = src.image() != null ? src.image()
                : src.trained() != null ? PostTrainingQuantiser.quantise(src.trained(), archConfig, s).image()
                : ImageFactory.fromScratch(src.spec(), archConfig, s);
        try (ReferenceDevice device = new ReferenceDevice()) {
            device.load(image);
            DeviceRunner runner = new DeviceRunner(device, image.arch(), split, s);
            int total = learn ? src.spec().training().epochs() : 0;
            o.printf("level fixed (L2): %s, batch %d, %d epochs%n", src.spec().name(), image.arch().learning().batchSize(), total);
            List<EpochFigures> figures = new ArrayList<>();
            for (int e = 1; e <= total; e++) {
                long t0 = System.nanoTime();
                double train;
                try (Progress p = Progress.start("epoch " + e + "/" + total, split.train().size())) {
                    train = runner.learnEpoch(e, batches == null ? Integer.MAX_VALUE : batches, p.stepper());
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                double det = runner.deterministicAccuracy();
                double rate = (batches == null ? split.train().size() : Math.min(split.train().size(), batches * image.arch().learning().batchSize())) / secs;
                figures.add(new EpochFigures(e, JsonSummary.num(train), null, det, rate, List.of()));
                o.printf("epoch %3d  train %6.2f%%  test-deterministic %6.2f%%  %,.0f samples/s%n", e, 100 * train, 100 * det, rate);
                o.flush();
            }
            double det = runner.deterministicAccuracy();
            double sto = runner.stochasticAccuracy(total);
            DeviceState state = device.readState();
            o.printf("deterministic test accuracy: %.2f%%%n", 100 * det);
            o.printf("test accuracy: %.2f%%%n", 100 * sto);
            printCounters(o, state.counters());
            if (stateHash) o.println("state hash: " + state.hash());
            JsonSummary.write("--json", json, new RunSummary(RunSummary.FORMAT, Provenance.of(spec, Map.of("seed", s), Map.of()), src.spec().name(),
                    data.dataset(), level.toString(), learn, figures, JsonSummary.num(sto), JsonSummary.num(det), state.counters(), state.hash()));
        }
        return ExitCode.OK.code;
    }

    private Integer runFloat(PrintWriter o, Source src, ArchConfig archConfig, DatasetSplit split, long s) {
        if (src.image() != null) throw new InvalidInputException(network + ": an image holds integers; run it with --level fixed");
        TrainedNetwork start = src.trained() != null ? src.trained() : NetworkInit.initial(src.spec(), s);
        if (!learn && src.trained() == null)
            throw new InvalidInputException(network + ": inference at level " + level + " needs trained weights (a directory from 'train --out') or --learn");
        TrainedNetwork init = learn ? start : new TrainedNetwork(Networks.override(start.spec(), 0, null), start.layers());
        Trainer trainer = level == Level.paper ? new Trainer(init, s) : Trainer.hardwareRule(init, archConfig, s);
        TrainingRun run = TrainingRun.execute(trainer, init, split, true, o);
        o.printf("test accuracy: %.2f%%%n", 100 * run.last().testAccuracy());
        String hash = WeightsHash.of(run.trained());
        if (stateHash) o.println("state hash: " + hash);
        JsonSummary.write("--json", json, new RunSummary(RunSummary.FORMAT, Provenance.of(spec, Map.of("seed", s), Map.of()), src.spec().name(),
                data.dataset(), level.toString(), learn, EpochFigures.of(run.epochs()), JsonSummary.num(run.last().testAccuracy()),
                JsonSummary.num(run.last().testAccuracyDeterministic()), null, hash));
        return ExitCode.OK.code;
    }

    private static void printCounters(PrintWriter o, Map<String, Long> counters) {
        StringBuilder sb = new StringBuilder("counters:");
        counters.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        o.println(sb);
    }

    /** What NETWORK names: a network file, a trained-network directory or an image directory. */
    record Source(NetworkSpec spec, TrainedNetwork trained, Image image) {
        static Source of(Path path, Integer epochs, Long seed) {
            if (Files.isDirectory(path) && Files.exists(path.resolve(ImageStore.MANIFEST))) {
                Image im = ImageDirectory.load(path).image();
                NetworkSpec sp = Networks.override(im.network(), epochs, seed);
                return new Source(sp, null, new Image(sp, im.arch(), im.layers(), seed != null ? seed : im.seed()));
            }
            if (Files.isDirectory(path)) {
                TrainedNetwork t = NetworkStore.load(path);
                NetworkSpec sp = Networks.override(t.spec(), epochs, seed);
                return new Source(sp, new TrainedNetwork(sp, t.layers()), null);
            }
            return new Source(Networks.read(path, epochs, seed), null, null);
        }
    }
}
