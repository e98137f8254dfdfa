package org.infomorph.runtime.sim;

import java.util.Map;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.LearningRule;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.GeneratorParams;

/** The builds the simulation tests share (each build costs up to a minute, so only a few). */
final class SimTestParams {
    private SimTestParams() {}

    static Capacity smallest() {
        int m = Capacity.MIN;
        return new Capacity(1, m, m, m, m, m, m, m, 2);
    }

    /** Two lanes, smallest capacities; built without trace. */
    static final GeneratorParams A = GeneratorParams.simulation(ArchConfig.defaults(), 2, smallest());
    /**
     * The synthesis smoke configuration: one lane, smallest capacities, narrow fields and 2 bins,
     * learning.
     */
    static final GeneratorParams SMALL = GeneratorParams.simulation(smallArch(), 1, smallest());

    static ArchConfig smallArch() {
        ArchConfig d = ArchConfig.defaults();
        Numerics small = new Numerics(Field.signed(6, 4), 6, 3, 10, 16, Field.signed(10, 6), Field.unsigned(6, 6), Field.signed(10, 8),
                Field.unsigned(8, 0), Field.unsigned(12, 6), Field.signed(12, 6), Field.unsigned(8, 6), Field.signed(10, 6), Field.signed(10, 4),
                Field.signed(8, 6), 16);
        return d.withNumerics(small).withBins(2).withLearning(LearningRule.defaults().withBatchExp(4));
    }

    /** Three lanes, two per memory word, inference only with deterministic spikes (the iCE40 shape); built with trace. */
    static final GeneratorParams B = new GeneratorParams(ArchConfig.defaults(), false, false, 3, 2, smallest(), Map.of(), -1);
}
