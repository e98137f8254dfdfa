package org.infomorph.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.BinRange;
import org.infomorph.compiler.arch.BinRanges;
import org.infomorph.compiler.arch.LearningRule;
import org.infomorph.compiler.arch.Luts;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.RtlCycles;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.lockstep.Lockstep;
import org.infomorph.runtime.lockstep.StateDiff;

/**
 * L3 = L2 on 200 random small networks: bivariate and trivariate, one and two steps, LUT and
 * Mitchell log2, 8 and 4 bins, 8- and 6-bit theta, fixed and adaptive three-source bin ranges,
 * one and two lanes per memory word, per-sample learning and inference with both spike rules. Every try compares every spike, theta and state
 * bit, and every command's cycles with the schedule. The two architectures are two builds; the
 * capacity floor lets every network share its architecture's build.
 */
public class RtlLockstepProperties {
    public static final Capacity FLOOR = new Capacity(2, 4, 16, 16, 64, 512, 4096, 128, 3);
    private static VerilatorDevice a, b;
    private static int tries, learned;

    /** The default rule with 8 bins and the LUT log2; batch 8, learning rate 4. */
    public static ArchConfig archA() {
        return ArchConfig.defaults().withLearning(LearningRule.defaults().withBatchExp(3).withLearningRateExp(2));
    }

    /** 4 bins, Mitchell log2, 6-bit theta, adaptive ranges for both layer kinds (archA fixes three sources'); batch 8, learning rate 4. */
    static ArchConfig archB() {
        ArchConfig a = ArchConfig.defaults();
        Luts l = a.luts();
        BinRanges adaptive = new BinRanges(new BinRange(1, -3, 3), new BinRange(2, -6, 4));
        return a.withLearning(LearningRule.defaults().withBatchExp(3).withLearningRateExp(2).withRanges(adaptive))
                .withBins(4).withNumerics(a.numerics().withThetaBits(6)).withLuts(new Luts(l.sigmoidEntries(), l.sigmoidRangeExp(), 0));
    }

    @Property(tries = 100, seed = "20261122")
    void rtlEqualsModelOneLanePerWord(@ForAll long seed) {
        if (a == null) a = new VerilatorDevice(2, -1, false).withCapacityFloor(FLOOR);
        check(a, archA(), seed);
    }

    @Property(tries = 100, seed = "20261123")
    void rtlEqualsModelTwoLanesPerWord(@ForAll long seed) {
        if (b == null) b = new VerilatorDevice(3, -1, false).withCapacityFloor(FLOOR).withLanesPerWord(2);
        check(b, archB(), seed);
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
        long infer = RtlCycles.run(net, arch, rtl.units(), false, rule == SpikeRule.STOCHASTIC), learn = RtlCycles.run(net, arch, rtl.units(), true, true);
        for (long c : res.sampleCycles()) assertEquals(infer, c, "inference sample cycles");
        for (long c : res.learnSampleCycles()) assertEquals(learn, c, "learning sample cycles");
        for (long c : res.boundaryCycles()) assertEquals(RtlCycles.boundary(net, arch, rtl.units()), c, "boundary cycles");
    }

    @AfterContainer
    static void close() {
        // the comparison is not vacuous: learning moved the weights in most tries
        assertTrue(tries == 0 || learned > tries / 2, learned + " of " + tries + " tries changed their weights");
        if (a != null) a.close();
        if (b != null) b.close();
    }
}
