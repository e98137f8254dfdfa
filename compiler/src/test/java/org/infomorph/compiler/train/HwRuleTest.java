package org.infomorph.compiler.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LearningRule;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.data.DataCache;
import org.infomorph.compiler.data.DatasetName;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.data.Datasets;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.TrainedNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;

/** L1, the hardware rule in float64: it learns, in both table modes, deterministically. */
class HwRuleTest {
    private static final DatasetSplit DATA = Datasets.load(DatasetName.SYNTHETIC, new DataCache(Path.of("target/no-cache")), System.err);
    private static final NetworkSpec SPEC = NetworkJson.read(Path.of("../examples/synthetic-context.json"));

    /** The default per-sample rule, or the accumulating one in a table mode. */
    private static ArchConfig arch(TableMode mode) {
        LearningRule d = LearningRule.defaults().withBatchExp(6);
        return ArchConfig.defaults().withLearning(mode == null ? d : d.accumulating(mode, 0));
    }

    private static java.util.stream.Stream<TableMode> modes() {
        return java.util.stream.Stream.of(null, TableMode.PREVIOUS_BATCH, TableMode.SAME_BATCH);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("modes")
    void learnsTheSyntheticTask(TableMode mode) {
        Trainer t = Trainer.hardwareRule(NetworkInit.initial(SPEC, 30), arch(mode), 30);
        EpochReport r = null;
        for (int e = 1; e <= 4; e++) r = t.trainEpoch(e, DATA, true, null);
        assertTrue(r.testAccuracyDeterministic() > 0.9, mode + ": " + r.testAccuracyDeterministic());
        assertEquals(5, r.atoms().get(0).length);
    }

    @Test
    void identityContextAndItsBiasAreNeverUpdated() {
        TrainedNetwork init = NetworkInit.initial(SPEC, 2);
        Trainer t = Trainer.hardwareRule(init, arch(null), 2);
        t.trainEpoch(1, DATA, false, null);
        TrainedNetwork after = t.network().snapshot();
        int out = SPEC.layers().size() - 1;
        assertArrayEquals(init.layers().get(out).sources().get(1).w(), after.layers().get(out).sources().get(1).w());
        assertArrayEquals(init.layers().get(out).sources().get(1).b(), after.layers().get(out).sources().get(1).b());
    }

    @Test
    void sameSeedSameWeights() {
        double[] a = train(9), b = train(9), c = train(10);
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    private static double[] train(long seed) {
        Trainer t = Trainer.hardwareRule(NetworkInit.initial(SPEC, seed), arch(null), seed);
        t.trainEpoch(1, DATA, false, null);
        return t.network().snapshot().layers().get(0).sources().get(0).w();
    }
}
