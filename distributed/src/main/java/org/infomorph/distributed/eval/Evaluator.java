package org.infomorph.distributed.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.Dequantiser;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.train.EpochReport;
import org.infomorph.compiler.train.Trainer;
import org.infomorph.runtime.analysis.PidFidelity;
import org.infomorph.runtime.device.DeviceState;
import org.infomorph.runtime.reference.ReferenceDevice;
import org.infomorph.runtime.reference.SaturationCounters;
import org.infomorph.runtime.run.DeviceRunner;

/**
 * Runs one {@link EvalTask}: learning from scratch at its level for its epochs, then the scores.
 * L0/L1 use the float trainers (their last epoch's report); L2 learns on the reference model
 * ({@link DeviceRunner}) and reads its saturation counters. With {@code atomBatches > 0}, the
 * learned network's histograms are decomposed ({@link PidFidelity}): at L1 and L2 in float64 and
 * by the architecture's fixed-point unit (the atom error); at L0 the trainer's own atoms.
 * A configuration the compiler rejects gives an {@link EvalResult.Status#INVALID} result.
 */
public final class Evaluator {
    private Evaluator() {}

    public static EvalResult evaluate(EvalTask t, DatasetSplit data) {
        long t0 = System.nanoTime();
        try {
            NetworkSpec parsed = NetworkJson.parse(t.networkJson(), t.label());
            NetworkSpec spec = parsed.withTraining(parsed.training().withEpochs(t.epochs()).withSeed(t.seed()));
            ArchConfig arch = t.archJson() == null ? null : ArchConfigJson.parse(t.archJson(), t.label());
            if (t.level().usesArch() && arch == null) throw new IllegalArgumentException(t.label() + ": level " + t.level() + " needs an architecture");
            Scores s = t.level() == Level.FIXED ? fixed(spec, arch, data, t) : floating(spec, arch, data, t);
            return new EvalResult(t.index(), EvalResult.Status.OK, s.train, s.reference, s.deterministic, s.atoms, s.atomError, s.saturation,
                    seconds(t0), null);
        } catch (InvalidInputException e) {
            return EvalResult.notRun(t.index(), EvalResult.Status.INVALID, e.getMessage(), seconds(t0));
        }
    }

    private record Scores(double train, double reference, double deterministic, List<double[]> atoms, List<Double> atomError,
            Map<String, Long> saturation) {}

    private static Scores floating(NetworkSpec spec, ArchConfig arch, DatasetSplit data, EvalTask t) {
        TrainedNetwork init = NetworkInit.initial(spec, t.seed());
        Trainer trainer = t.level() == Level.PAPER ? new Trainer(init, t.seed()) : Trainer.hardwareRule(init, arch, t.seed());
        EpochReport last = t.epochs() == 0 ? trainer.evaluateInitial(data) : null;
        for (int e = 1; e <= t.epochs(); e++) last = trainer.trainEpoch(e, data, t.atomBatches() > 0 && e == t.epochs(), null);
        List<double[]> atoms = last.atoms();
        List<Double> error = List.of();
        if (t.atomBatches() > 0 && arch != null) {
            PidFidelity.Layers f = PidFidelity.measure(trainer.network().snapshot(), arch, data, t.atomBatches(), t.seed());
            atoms = f.exactAtoms();
            error = meanErrors(f);
        }
        return new Scores(last.trainAccuracy(), last.testAccuracy(), last.testAccuracyDeterministic(), atoms, error, Map.of());
    }

    private static Scores fixed(NetworkSpec spec, ArchConfig arch, DatasetSplit data, EvalTask t) {
        Image start = ImageFactory.fromScratch(spec, arch, t.seed());
        try (ReferenceDevice device = new ReferenceDevice()) {
            device.load(start);
            DeviceRunner runner = new DeviceRunner(device, arch, data, t.seed());
            double train = Double.NaN;
            for (int e = 1; e <= t.epochs(); e++) train = runner.learnEpoch(e, Integer.MAX_VALUE, null);
            double deterministic = runner.deterministicAccuracy(), reference = runner.stochasticAccuracy(t.epochs());
            DeviceState state = device.readState();
            List<double[]> atoms = List.of();
            List<Double> error = List.of();
            if (t.atomBatches() > 0) {
                PidFidelity.Layers f = PidFidelity.measure(Dequantiser.dequantise(LearnedImage.of(start, state)), arch, data, t.atomBatches(), t.seed());
                atoms = f.exactAtoms();
                error = meanErrors(f);
            }
            return new Scores(train, reference, deterministic, atoms, error, saturation(state.counters()));
        }
    }

    /** The saturation events only (not the batch and sample counts). */
    private static Map<String, Long> saturation(Map<String, Long> counters) {
        Map<String, Long> out = new TreeMap<>();
        for (String name : saturationNames()) out.put(name, counters.getOrDefault(name, 0L));
        return out;
    }

    /** The names of the L2 saturation counters, in the model's order. */
    public static List<String> saturationNames() {
        return SaturationCounters.names().subList(0, SaturationCounters.BATCHES_LEARN);
    }

    private static List<Double> meanErrors(PidFidelity.Layers f) {
        List<Double> out = new ArrayList<>();
        for (int l = 0; l < f.atomError().size(); l++) out.add(f.meanError(l));
        return out;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
