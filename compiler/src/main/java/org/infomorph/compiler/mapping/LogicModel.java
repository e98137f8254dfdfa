package org.infomorph.compiler.mapping;

/**
 * Logic estimate in LUT4 equivalents (a LUT6 counts as 1.6): a fixed share for the sequencer,
 * host interface and buffers, and a share per LLU (activation pipeline, binning, histogram
 * update, PRNG, address generation). A model to calibrate against synthesis reports.
 */
public record LogicModel(int sharedLuts, int lutsPerUnit, double lut6Equivalent) {
    public static LogicModel defaults() {
        return new LogicModel(900, 450, 1.6);
    }

    public long capacity(org.infomorph.targets.TargetDescriptor t) {
        return t.logic().count().map(c -> (long) (t.logic().inputsPerLut() >= 6 ? c * lut6Equivalent : c)).orElse(Long.MAX_VALUE);
    }

    public long luts(int units) {
        return sharedLuts + (long) lutsPerUnit * units;
    }
}
