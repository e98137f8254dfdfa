package org.infomorph.compiler.train;

/**
 * Classification from the output layer's theta (B x classes), as section 4.6 of the design notes.
 * Information measures cannot tell an output neuron's polarity, so a neuron that is on for most
 * samples is read inverted: per batch in the reference metric, or with a polarity frozen from
 * training data in the deterministic metric.
 */
public final class Accuracy {
    private Accuracy() {}

    /** The reference metric: invert neurons whose batch mean theta is >= 0.5, then argmax. */
    public static int correctWithBatchPolarity(double[] theta, int[] labels, int batch, int classes) {
        return correct(theta, labels, batch, classes, polarity(theta, batch, classes));
    }

    /** invert[k] iff the mean theta of neuron k over the batch is >= 0.5. */
    public static boolean[] polarity(double[] theta, int batch, int classes) {
        double[] sum = new double[classes];
        for (int b = 0; b < batch; b++) for (int k = 0; k < classes; k++) sum[k] += theta[b * classes + k];
        boolean[] invert = new boolean[classes];
        for (int k = 0; k < classes; k++) invert[k] = sum[k] / batch >= 0.5;
        return invert;
    }

    /** argmax over classes of theta (1 - theta where inverted); the first maximum wins ties. */
    public static int correct(double[] theta, int[] labels, int batch, int classes, boolean[] invert) {
        int ok = 0;
        for (int b = 0; b < batch; b++) {
            int best = 0;
            double bestV = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double t = theta[b * classes + k];
                double v = invert[k] ? 1 - t : t;
                if (v > bestV) {
                    bestV = v;
                    best = k;
                }
            }
            if (best == labels[b]) ok++;
        }
        return ok;
    }
}
