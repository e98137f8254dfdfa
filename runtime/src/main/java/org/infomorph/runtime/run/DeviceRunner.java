package org.infomorph.runtime.run;

import java.util.List;
import java.util.function.IntConsumer;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.data.Batch;
import org.infomorph.compiler.data.Batches;
import org.infomorph.compiler.data.Dataset;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.InputQuantiser;
import org.infomorph.compiler.train.Accuracy;
import org.infomorph.runtime.device.BatchResult;
import org.infomorph.runtime.device.Device;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;

/**
 * Drives a {@link Device} over a data set: epochs of on-chip learning (full batches of
 * 2^batchExp samples, shuffled per epoch from a seed) and the two test metrics of the L0
 * trainer, computed from the device's integer theta.
 */
public final class DeviceRunner {
    private final Device device;
    private final ArchConfig arch;
    private final DatasetSplit data;
    private final long seed;

    public DeviceRunner(Device device, ArchConfig arch, DatasetSplit data, long seed) {
        this.device = device;
        this.arch = arch;
        this.data = data;
        this.seed = seed;
    }

    /** One epoch of learning (at most {@code maxBatches}); returns the mean train accuracy (label as context). */
    public double learnEpoch(int epoch, int maxBatches, IntConsumer onBatch) {
        int b = arch.learning().batchSize();
        List<int[]> order = Batches.shuffled(data.train().size(), b, seed, epoch);
        double acc = 0;
        int done = 0;
        for (int[] idx : order) {
            if (idx.length != b || done >= maxBatches) continue;
            Batch batch = Batches.gather(data.train(), idx);
            BatchResult r = device.learn(input(batch, true));
            acc += (double) Accuracy.correctWithBatchPolarity(theta(r), batch.y(), batch.size(), r.classes()) / batch.size();
            done++;
            if (onBatch != null) onBatch.accept(batch.size());
        }
        return done == 0 ? Double.NaN : acc / done;
    }

    /** Deterministic spikes; output polarity frozen from the training inputs (no labels); whole test set. */
    public double deterministicAccuracy() {
        int classes = data.classes();
        double[] sum = new double[classes];
        for (int[] idx : Batches.inOrder(data.train().size(), arch.learning().batchSize())) {
            double[] t = theta(device.infer(input(Batches.gather(data.train(), idx), false), SpikeRule.DETERMINISTIC));
            for (int i = 0; i < t.length; i++) sum[i % classes] += t[i];
        }
        boolean[] invert = new boolean[classes];
        for (int k = 0; k < classes; k++) invert[k] = sum[k] / data.train().size() >= 0.5;
        int ok = 0;
        Dataset test = data.test();
        for (int[] idx : Batches.inOrder(test.size(), arch.learning().batchSize())) {
            Batch batch = Batches.gather(test, idx);
            ok += Accuracy.correct(theta(device.infer(input(batch, false), SpikeRule.DETERMINISTIC)), batch.y(), batch.size(), classes, invert);
        }
        return (double) ok / test.size();
    }

    /** The reference metric: stochastic spikes, per-batch polarity, mean over shuffled test batches. */
    public double stochasticAccuracy(int epoch) {
        List<int[]> order = Batches.shuffled(data.test().size(), arch.learning().batchSize(), seed ^ 0x5EED, epoch);
        double acc = 0;
        for (int[] idx : order) {
            Batch batch = Batches.gather(data.test(), idx);
            BatchResult r = device.infer(input(batch, false), SpikeRule.STOCHASTIC);
            acc += (double) Accuracy.correctWithBatchPolarity(theta(r), batch.y(), batch.size(), r.classes()) / batch.size();
        }
        return acc / order.size();
    }

    public InputBatch input(Batch b, boolean withLabels) {
        return input(b, arch, withLabels);
    }

    /** A data batch quantised to the architecture's input format, with or without its labels. */
    public static InputBatch input(Batch b, ArchConfig arch, boolean withLabels) {
        return new InputBatch(b.size(), b.features(), InputQuantiser.quantise(b.x(), arch), withLabels ? b.y() : null);
    }

    private double[] theta(BatchResult r) {
        double scale = Math.scalb(1.0, -arch.numerics().theta().frac());
        double[] t = new double[r.outputTheta().length];
        for (int i = 0; i < t.length; i++) t[i] = r.outputTheta()[i] * scale;
        return t;
    }
}
