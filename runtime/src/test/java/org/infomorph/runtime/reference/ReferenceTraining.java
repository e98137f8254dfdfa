package org.infomorph.runtime.reference;

import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.data.Batches;
import org.infomorph.compiler.data.Dataset;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.image.InputQuantiser;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.train.Accuracy;
import org.infomorph.runtime.device.BatchResult;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;

/** Trains the integer model on a data set and measures test accuracy (a test helper and a main). */
final class ReferenceTraining {
    final ReferenceDevice dev = new ReferenceDevice();
    final NetworkSpec spec;
    final ArchConfig arch;
    final int[] trainX, testX;
    final DatasetSplit data;

    ReferenceTraining(NetworkSpec spec, ArchConfig arch, DatasetSplit data, long seed) {
        this.spec = spec;
        this.arch = arch;
        this.data = data;
        dev.load(ImageFactory.fromScratch(spec, arch, seed));
        trainX = InputQuantiser.quantise(data.train().x(), arch);
        testX = InputQuantiser.quantise(data.test().x(), arch);
    }

    void epoch(int epoch) {
        int batch = arch.learning().batchSize();
        Dataset train = data.train();
        for (int[] idx : Batches.shuffled(train.size(), batch, 77, epoch)) {
            if (idx.length != batch) continue;
            dev.learn(gather(trainX, train, idx, true));
        }
    }

    /** Test accuracy: deterministic spikes (argmax, batch polarity) and stochastic spikes with the batch polarity trick. */
    double[] evaluate() {
        int batch = arch.learning().batchSize();
        Dataset test = data.test();
        int okDet = 0, okSto = 0, n = 0;
        for (int[] idx : Batches.inOrder(test.size(), batch)) {
            InputBatch in = gather(testX, test, idx, false);
            int[] y = new int[idx.length];
            for (int b = 0; b < idx.length; b++) y[b] = test.y()[idx[b]];
            okDet += correct(dev.infer(in, SpikeRule.DETERMINISTIC), y);
            okSto += correct(dev.infer(in, SpikeRule.STOCHASTIC), y);
            n += idx.length;
        }
        return new double[] {(double) okDet / n, (double) okSto / n};
    }

    private int correct(BatchResult r, int[] y) {
        double scale = Math.scalb(1.0, -arch.numerics().theta().frac());
        double[] theta = new double[r.outputTheta().length];
        for (int i = 0; i < theta.length; i++) theta[i] = r.outputTheta()[i] * scale;
        return Accuracy.correctWithBatchPolarity(theta, y, r.batch(), r.classes());
    }

    private static InputBatch gather(int[] x, Dataset d, int[] idx, boolean labels) {
        int f = d.features();
        int[] xb = new int[idx.length * f];
        int[] y = new int[idx.length];
        for (int b = 0; b < idx.length; b++) {
            System.arraycopy(x, idx[b] * f, xb, b * f, f);
            y[b] = d.y()[idx[b]];
        }
        return new InputBatch(idx.length, f, xb, labels ? y : null);
    }

    static String run(NetworkSpec spec, ArchConfig arch, DatasetSplit data, int epochs, long seed) {
        ReferenceTraining t = new ReferenceTraining(spec, arch, data, seed);
        StringBuilder sb = new StringBuilder();
        for (int e = 1; e <= epochs; e++) {
            t.epoch(e);
            double[] acc = t.evaluate();
            sb.append(String.format("epoch %d: deterministic %.4f stochastic %.4f%n", e, acc[0], acc[1]));
        }
        return sb.toString();
    }
}
