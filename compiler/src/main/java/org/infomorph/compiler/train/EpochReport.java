package org.infomorph.compiler.train;

import java.util.List;

/**
 * One epoch's figures. Epoch 0 is the evaluation before any learning (train accuracy NaN).
 *
 * @param trainAccuracy   mean over training batches, measured while learning, label as context
 * @param testAccuracy    the reference metric: zero context, stochastic hidden spikes, per-batch
 *                        polarity inversion, mean over shuffled test batches
 * @param testAccuracyDeterministic argmax hidden spikes, output polarity frozen from the training
 *                        set (no labels used), over the whole test set
 * @param atoms           per layer, mean atoms over neurons and training batches (gamma order, H_res
 *                        last); empty for epoch 0
 */
public record EpochReport(
        int epoch,
        double trainAccuracy,
        double testAccuracy,
        double testAccuracyDeterministic,
        List<double[]> atoms,
        double trainSeconds,
        int trainSamples) {

    public double samplesPerSecond() {
        return trainSeconds > 0 ? trainSamples / trainSeconds : Double.NaN;
    }
}
