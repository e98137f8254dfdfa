package org.infomorph.compiler.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.data.DataCache;
import org.infomorph.compiler.data.DatasetName;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.data.Datasets;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.TrainedNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static DatasetSplit data;
    private static NetworkSpec spec;

    @BeforeAll
    static void load() {
        data = Datasets.load(DatasetName.SYNTHETIC, new DataCache(Path.of("target/no-cache")), System.err);
        spec = NetworkJson.read(Path.of("../examples/synthetic-context.json"));
    }

    private static TrainedNetwork train(long seed, int epochs) {
        Trainer t = new Trainer(NetworkInit.initial(spec, seed), seed);
        for (int e = 1; e <= epochs; e++) t.trainEpoch(e, data, false, null);
        return t.network().snapshot();
    }

    @Test
    void aTrainingThatReachesANonFiniteWeightStopsNamingIt() {
        TrainedNetwork init = NetworkInit.initial(spec, 5);
        init.layers().get(1).sources().get(0).w()[3] = Double.POSITIVE_INFINITY; // as a learning rate that overflows would leave it
        Trainer t = new Trainer(init, 5);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.trainEpoch(1, data, false, null));
        assertTrue(e.first().startsWith("training diverged: layers[1] (output) source R weight "), e.first());
        assertTrue(e.first().contains(" in epoch 1, batch 1; lower that layer's optimizer.lr (0.01)"), e.first());
    }

    @Test
    void theSameSeedGivesTheSameWeightsBitForBit() {
        TrainedNetwork a = train(5, 2), b = train(5, 2), c = train(6, 2);
        boolean differs = false;
        for (int l = 0; l < a.layers().size(); l++)
            for (int s = 0; s < a.layers().get(l).sources().size(); s++) {
                double[] wa = a.layers().get(l).sources().get(s).w();
                assertArrayEquals(wa, b.layers().get(l).sources().get(s).w(), "layer " + l + " source " + s);
                assertArrayEquals(a.layers().get(l).sources().get(s).b(), b.layers().get(l).sources().get(s).b());
                differs |= !Arrays.equals(wa, c.layers().get(l).sources().get(s).w());
            }
        assertTrue(differs, "another seed must give other weights");
    }

    /**
     * The parallel pieces write disjoint outputs, so one thread and the common pool give the same
     * bits. The paper's context-lateral model on the synthetic features is large enough to split
     * every product, activation and PID stage, and its two steps reuse the feed-forward sums.
     */
    @Test
    void oneThreadAndAllCoresGiveTheSameWeights() throws Exception {
        String json = java.nio.file.Files.readString(Path.of("../examples/context-lateral.json"))
                .replace("\"features\": 784", "\"features\": " + data.train().features())
                .replace("\"size\": 784", "\"size\": " + data.train().features());
        NetworkSpec lateral = NetworkJson.parse(json, "context-lateral (synthetic features)");
        java.util.concurrent.Callable<TrainedNetwork> run = () -> {
            Trainer t = new Trainer(NetworkInit.initial(lateral, 3), 3);
            t.trainEpoch(1, data, true, null);
            return t.network().snapshot();
        };
        TrainedNetwork pooled = run.call();
        java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
        try {
            TrainedNetwork alone = single.submit(run).get();
            for (int l = 0; l < pooled.layers().size(); l++)
                for (int s = 0; s < pooled.layers().get(l).sources().size(); s++) {
                    assertArrayEquals(pooled.layers().get(l).sources().get(s).w(), alone.layers().get(l).sources().get(s).w());
                    assertArrayEquals(pooled.layers().get(l).sources().get(s).b(), alone.layers().get(l).sources().get(s).b());
                }
        } finally {
            single.shutdown();
        }
    }

    @Test
    void contextNetworkLearnsTheSyntheticTask() {
        Trainer t = new Trainer(NetworkInit.initial(spec, 30), 30);
        EpochReport before = t.evaluateInitial(data);
        EpochReport after = null;
        for (int e = 1; e <= 5; e++) after = t.trainEpoch(e, data, true, null);
        assertTrue(before.testAccuracy() < 0.4, "untrained: " + before.testAccuracy());
        assertTrue(after.testAccuracy() > 0.85, "after 5 epochs: " + after.testAccuracy());
        assertTrue(after.testAccuracyDeterministic() > 0.85, "deterministic: " + after.testAccuracyDeterministic());
        // hidden layer, naive context goal: redundancy between input and label grows to dominate
        double[] hidden = after.atoms().get(0);
        assertFalse(Double.isNaN(hidden[2]));
        assertTrue(hidden[2] > hidden[3] && hidden[2] > 0.1, "shared information " + Arrays.toString(hidden));
    }

    @Test
    void outputLayerLabelContextIsResetToIdentityEachBatch() {
        Trainer t = new Trainer(NetworkInit.initial(spec, 1), 1);
        t.trainEpoch(1, data, false, null);
        TrainedNetwork after = t.network().snapshot();
        double[] w = after.layers().get(after.layers().size() - 1).sources().get(1).w();
        int k = spec.classes();
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) {
                double v = w[i * k + j];
                if (i != j) assertTrue(v == 0.0, "off-diagonal stays 0");
                else assertTrue(v < 1.0 && v > 0.99, "diagonal decays only by one batch of weight decay: " + v);
            }
    }
}
