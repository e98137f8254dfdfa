package org.infomorph.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LearningRule;
import org.infomorph.compiler.arch.Luts;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.RtlCycles;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.lockstep.Lockstep;
import org.infomorph.runtime.lockstep.StateDiff;

/**
 * L3 = L2 on 200 random small networks: bivariate and trivariate, one and two steps, both table
 * modes, with and without momentum, LUT and Mitchell log2, learning and inference with both spike
 * rules. Every try compares every spike, theta and state bit. The two architectures are two
 * builds; the capacity floor lets every network share its architecture's build.
 */
public class RtlLockstepProperties {
    public static final Capacity FLOOR = new Capacity(2, 16, 16, 64, 1024, 64, 2048, 64, 2048, 128, 512);
    private static VerilatorDevice previous, same;
    private static int tries, learned;

    /** PREVIOUS_BATCH, 8 bins, LUT log2, no momentum; batch 8. */
    public static ArchConfig previousBatch() {
        LearningRule d = LearningRule.defaults();
        return ArchConfig.defaults().withLearning(new LearningRule(TableMode.PREVIOUS_BATCH, 3, 2, 0, d.initialRangeExp(), d.minRangeExp(), d.maxRangeExp()));
    }

    /** SAME_BATCH, 4 bins, Mitchell log2, momentum, 6-bit theta; batch 8. */
    static ArchConfig sameBatch() {
        LearningRule d = LearningRule.defaults();
        ArchConfig a = ArchConfig.defaults();
        Luts l = a.luts();
        return a.withLearning(new LearningRule(TableMode.SAME_BATCH, 3, 2, 2, d.initialRangeExp(), d.minRangeExp(), d.maxRangeExp()))
                .withBins(4).withNumerics(a.numerics().withThetaBits(6)).withLuts(new Luts(l.sigmoidEntries(), l.sigmoidRangeExp(), 0));
    }

    @Property(tries = 100, seed = "20261122")
    void previousBatchRtlEqualsModel(@ForAll long seed) {
        if (previous == null) previous = new VerilatorDevice(2, -1, false).withCapacityFloor(FLOOR);
        check(previous, previousBatch(), seed);
    }

    @Property(tries = 100, seed = "20261123")
    void sameBatchRtlEqualsModel(@ForAll long seed) {
        if (same == null) same = new VerilatorDevice(3, -1, false).withCapacityFloor(FLOOR);
        check(same, sameBatch(), seed);
    }

    static void check(VerilatorDevice rtl, ArchConfig arch, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NetworkSpec net = RandomNetworks.network(r);
        Image image = ImageFactory.fromScratch(net, arch, r.nextLong());
        List<Lockstep.Step> steps = RandomNetworks.steps(net, arch.learning().batchSize(), arch.numerics().input().bits(), 3, 2, r);
        SpikeRule rule = r.nextBoolean() ? SpikeRule.STOCHASTIC : SpikeRule.DETERMINISTIC;
        Lockstep.Result res = Lockstep.run(image, steps, rule, rtl, null, null, null);
        tries++;
        if (res.initialWeights() != res.finalWeights()) learned++;
        StateDiff d = res.diff();
        String first = d.first().isEmpty() ? "" : d.first().get(0).describe();
        assertEquals(0, d.mismatches(), () -> "network " + net + ": " + first);
        assertTrue(d.compared() > 0);
        // the compiler's schedule is the RTL's, cycle for cycle
        long infer = RtlCycles.run(net, arch, rtl.units(), false), learn = RtlCycles.run(net, arch, rtl.units(), true);
        for (long c : res.sampleCycles()) assertEquals(infer, c, "inference sample cycles");
        for (long c : res.learnSampleCycles()) assertEquals(learn, c, "learning sample cycles");
        for (long c : res.boundaryCycles()) assertEquals(RtlCycles.boundary(net, arch, rtl.units()), c, "boundary cycles");
    }

    @AfterContainer
    static void close() {
        // the comparison is not vacuous: learning moved the weights in most tries
        assertTrue(tries == 0 || learned > tries / 2, learned + " of " + tries + " tries changed their weights");
        if (previous != null) previous.close();
        if (same != null) same.close();
    }
}
