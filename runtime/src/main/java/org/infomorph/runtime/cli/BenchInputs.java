package org.infomorph.runtime.cli;

import java.util.SplittableRandom;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.device.InputBatch;

/** The benches' fixed random batch: quantised inputs in [-32, 96), random labels; with and without labels. */
record BenchInputs(InputBatch learn, InputBatch infer) {
    static BenchInputs of(NetworkSpec net, int batch) {
        SplittableRandom rng = new SplittableRandom(2);
        int[] x = new int[batch * net.features()], y = new int[batch];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextInt(-32, 96);
        for (int b = 0; b < batch; b++) y[b] = rng.nextInt(net.classes());
        return new BenchInputs(new InputBatch(batch, net.features(), x, y), new InputBatch(batch, net.features(), x, null));
    }
}
