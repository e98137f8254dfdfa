package org.infomorph.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LearningRule;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same image, inputs and seed give the same state bits, for any thread count; another seed does not. */
class ReferenceDeterminismTest {
    static String run(String network, ArchConfig arch, long seed, int threads) throws Exception {
        NetworkSpec spec = NetworkJson.read(Path.of("../examples/" + network));
        Image image = ImageFactory.fromScratch(spec, arch, seed);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> {
                ReferenceDevice dev = new ReferenceDevice();
                dev.load(image);
                int batch = arch.learning().batchSize();
                SplittableRandom rng = new SplittableRandom(5);
                for (int i = 0; i < 4; i++) {
                    int[] x = new int[batch * spec.features()], y = new int[batch];
                    for (int k = 0; k < x.length; k++) x[k] = rng.nextInt(-64, 64);
                    for (int b = 0; b < batch; b++) y[b] = rng.nextInt(spec.classes());
                    dev.learn(new InputBatch(batch, spec.features(), x, y));
                    dev.infer(new InputBatch(batch, spec.features(), x, null), SpikeRule.STOCHASTIC);
                }
                return dev.readState().hash();
            }).get();
        } finally {
            pool.shutdown();
        }
    }

    static ArchConfig arch(TableMode mode, int momentum) {
        return ArchConfig.defaults().withLearning(LearningRule.defaults().accumulating(mode, momentum).withBatchExp(6).withLearningRateExp(-2));
    }

    static ArchConfig perSample() {
        return ArchConfig.defaults().withLearning(LearningRule.defaults().withBatchExp(6).withLearningRateExp(-2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic-context.json", "context-lateral.json"})
    void identicalAcrossRunsAndThreadCounts(String network) throws Exception {
        for (ArchConfig a : new ArchConfig[] {perSample(), arch(TableMode.PREVIOUS_BATCH, 0), arch(TableMode.SAME_BATCH, 3)}) {
            String one = run(network, a, 7, 1);
            assertEquals(one, run(network, a, 7, 2));
            assertEquals(one, run(network, a, 7, 2));
            assertNotEquals(one, run(network, a, 8, 2));
        }
    }
}
