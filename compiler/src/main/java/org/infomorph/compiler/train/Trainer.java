package org.infomorph.compiler.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.infomorph.compiler.data.Batch;
import org.infomorph.compiler.data.Batches;
import org.infomorph.compiler.data.Dataset;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.TrainedNetwork;

/**
 * The L0 training loop: per epoch, shuffled mini-batches; per batch, reset the fixed label
 * context, run forward with the label as context, apply every layer's local rule. Everything
 * random derives from one seed, so the same seed gives the same weights bit for bit.
 */
public final class Trainer {
    private static final long SHUFFLE = 1, TRAIN_SPIKES = 2, TEST_ORDER = 3, TEST_SPIKES = 4, ATOM_SPIKES = 5;
    private final InfomorphicNetwork net;
    private final LearningRuleStep rule;
    private final long seed;
    private final int batchSize;

    /** The published rule (L0). */
    public Trainer(TrainedNetwork initial, long seed) {
        this(new InfomorphicNetwork(initial), LearningRuleStep.PAPER, initial.spec().training().batchSize(), seed);
    }

    private Trainer(InfomorphicNetwork net, LearningRuleStep rule, int batchSize, long seed) {
        this.net = net;
        this.rule = rule;
        this.seed = seed;
        this.batchSize = batchSize;
    }

    /** The hardware rule in float64 (L1): see docs/llu-rule.md; batch size 2^batchExp of the architecture. */
    public static Trainer hardwareRule(TrainedNetwork initial, org.infomorph.compiler.arch.ArchConfig arch, long seed) {
        InfomorphicNetwork net = new InfomorphicNetwork(initial, Math.scalb(1.0, arch.luts().sigmoidRangeExp()));
        return new Trainer(net, new HwRuleStep(net, arch), arch.learning().batchSize(), seed);
    }

    /** Samples per training batch: the network file's for L0, 2^batchExp of the architecture for L1. */
    public int batchSize() {
        return batchSize;
    }

    public InfomorphicNetwork network() {
        return net;
    }

    /** Epoch 0: the evaluation before any learning. */
    public EpochReport evaluateInitial(DatasetSplit data) {
        Evaluation ev = evaluate(data, 0);
        return new EpochReport(0, Double.NaN, ev.stochastic(), ev.deterministic(), List.of(), 0, 0);
    }

    /** Trains one epoch (numbered from 1), then evaluates on the test set. */
    public EpochReport trainEpoch(int epoch, DatasetSplit data, boolean wantAtoms, IntConsumer onBatch) {
        Dataset train = data.train();
        SplittableRandom spikes = new SplittableRandom(Seeds.derive(seed, TRAIN_SPIKES, epoch));
        List<int[]> batches = Batches.shuffled(train.size(), batchSize, Seeds.derive(seed, SHUFFLE), epoch);
        double accSum = 0;
        List<double[]> atomSums = new ArrayList<>();
        int learnedBatches = 0;
        long t0 = System.nanoTime();
        int number = 0;
        for (int[] idx : batches) {
            number++;
            Batch b = Batches.gather(train, idx);
            BatchResult r = trainBatch(b, spikes, wantAtoms);
            net.requireFinite(epoch, number);
            accSum += (double) Accuracy.correctWithBatchPolarity(r.outputTheta(), b.y(), b.size(), train.classes()) / b.size();
            if (!r.atoms().isEmpty()) learnedBatches++;
            if (wantAtoms && !r.atoms().isEmpty()) accumulate(atomSums, r.atoms());
            if (onBatch != null) onBatch.accept(idx.length);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (double[] a : atomSums) for (int i = 0; i < a.length; i++) a[i] /= learnedBatches;
        Evaluation ev = evaluate(data, epoch);
        return new EpochReport(epoch, accSum / batches.size(), ev.stochastic(), ev.deterministic(), atomSums, seconds, train.size());
    }

    /** One training batch: the output layer's theta (B x classes) and, per layer, the mean atoms (empty when the rule skipped the batch). */
    public record BatchResult(double[] outputTheta, List<double[]> atoms) {}

    /**
     * Learns from one batch (label as context, stochastic spikes from {@code spikes}), the step
     * {@link #trainEpoch} repeats; public for the throughput benchmark.
     */
    public BatchResult trainBatch(Batch b, SplittableRandom spikes, boolean wantAtoms) {
        net.beginTrainingBatch();
        LearningRuleStep.Trained tr = rule.train(net, b, spikes, wantAtoms);
        return new BatchResult(tr.outputTheta(), tr.atoms());
    }

    /**
     * Each neuron's PID atoms now (bits; per layer, neuron by atom), by the published rule's
     * analytic PID of the soft histograms of the first training batch in order (label as context,
     * stochastic spikes), without learning: the spread over neurons that the epoch means hide.
     */
    public List<double[][]> neuronAtoms(DatasetSplit data) {
        Dataset train = data.train();
        Batch b = Batches.gather(train, Batches.inOrder(train.size(), batchSize).get(0));
        net.beginTrainingBatch();
        InfomorphicNetwork.Forward fwd = net.forward(b.x(), b.y(), b.size(), SpikeMode.STOCHASTIC, new SplittableRandom(Seeds.derive(seed, ATOM_SPIKES)), true);
        return net.atomsPerNeuron(fwd);
    }

    /** How this JVM runs the float kernels: "vector (N x float64)" or "scalar" (see docs/training-speed.md). */
    public static String kernels() {
        return Simd.describe();
    }

    /** Test accuracy by the reference metric and by the deterministic metric. */
    public record Evaluation(double stochastic, double deterministic) {}

    public Evaluation evaluate(DatasetSplit data, int epoch) {
        Dataset test = data.test();
        int classes = test.classes();
        SplittableRandom spikes = new SplittableRandom(Seeds.derive(seed, TEST_SPIKES, epoch));
        List<int[]> batches = Batches.shuffled(test.size(), batchSize, Seeds.derive(seed, TEST_ORDER), epoch);
        double accSum = 0;
        for (int[] idx : batches) {
            Batch b = Batches.gather(test, idx);
            double[] theta = net.forward(b.x(), null, b.size(), SpikeMode.STOCHASTIC, spikes, false).outputTheta();
            accSum += (double) Accuracy.correctWithBatchPolarity(theta, b.y(), b.size(), classes) / b.size();
        }
        boolean[] invert = frozenPolarity(data.train());
        int ok = 0;
        for (int[] idx : Batches.inOrder(test.size(), batchSize)) {
            Batch b = Batches.gather(test, idx);
            double[] theta = net.forward(b.x(), null, b.size(), SpikeMode.ARGMAX, null, false).outputTheta();
            ok += Accuracy.correct(theta, b.y(), b.size(), classes, invert);
        }
        return new Evaluation(accSum / batches.size(), (double) ok / test.size());
    }

    /** Output polarity from the mean theta over the training inputs (zero context, argmax spikes; no labels). */
    public boolean[] frozenPolarity(Dataset train) {
        int classes = train.classes();
        double[] sum = new double[classes];
        for (int[] idx : Batches.inOrder(train.size(), batchSize)) {
            double[] theta = net.forward(Batches.gather(train, idx).x(), null, idx.length, SpikeMode.ARGMAX, null, false).outputTheta();
            for (int b = 0; b < idx.length; b++) for (int k = 0; k < classes; k++) sum[k] += theta[b * classes + k];
        }
        boolean[] invert = new boolean[classes];
        for (int k = 0; k < classes; k++) invert[k] = sum[k] / train.size() >= 0.5;
        return invert;
    }

    private static void accumulate(List<double[]> sums, List<double[]> atoms) {
        if (sums.isEmpty()) for (double[] a : atoms) sums.add(new double[a.length]);
        for (int l = 0; l < atoms.size(); l++) for (int i = 0; i < atoms.get(l).length; i++) sums.get(l)[i] += atoms.get(l)[i];
    }
}
