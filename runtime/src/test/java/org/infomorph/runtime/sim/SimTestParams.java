package org.infomorph.runtime.sim;

import org.infomorph.compiler.arch.ArchConfig;
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
    /** Three units; built with trace. */
    static final GeneratorParams B = new GeneratorParams(ArchConfig.defaults(), 3, smallest(), -1);
}
