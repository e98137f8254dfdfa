package org.infomorph.runtime.sim;

import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.LearningRule;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.GeneratorParams;

/** The two builds the simulation tests share (each build costs about a minute, so only two). */
final class SimTestParams {
    private SimTestParams() {}

    private static Capacity smallest() {
        int m = Capacity.MIN;
        return new Capacity(1, m, m, m, m, m, m, m, m, m, 1);
    }

    /** Two units, smallest capacities; built without trace. */
    static final GeneratorParams A = new GeneratorParams(ArchConfig.defaults(), 2, smallest(), -1);
    /**
     * The synthesis smoke configuration: one unit, smallest capacities, narrow fields and 2 bins
     * (the default widths take yosys 0.23 more than 15 minutes for iCE40).
     */
    static final GeneratorParams SMALL = new GeneratorParams(smallArch(), 1, smallest(), -1);

    private static ArchConfig smallArch() {
        ArchConfig d = ArchConfig.defaults();
        Numerics small = new Numerics(Field.signed(6, 4), 6, 3, 10, 16, Field.signed(10, 6), Field.unsigned(6, 6), Field.signed(10, 8),
                Field.unsigned(8, 0), Field.unsigned(12, 6), Field.signed(12, 6), Field.unsigned(8, 6), Field.signed(10, 6), Field.signed(10, 4),
                Field.signed(8, 6), 16);
        LearningRule l = d.learning();
        return d.withNumerics(small).withBins(2)
                .withLearning(new LearningRule(l.table(), 4, l.learningRateExp(), 0, l.initialRangeExp(), l.minRangeExp(), l.maxRangeExp()));
    }

    /** Three units; built with trace. */
    static final GeneratorParams B = new GeneratorParams(ArchConfig.defaults(), 3, smallest(), -1);
}
