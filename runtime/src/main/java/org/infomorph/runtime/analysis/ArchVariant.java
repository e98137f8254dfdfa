package org.infomorph.runtime.analysis;

import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Luts;
import org.infomorph.compiler.arch.Numerics;

/** One point of the pid-error sweep: the default architecture with one parameter changed. */
public record ArchVariant(String parameter, int value, ArchConfig arch) {
    public static final String WEIGHTS = "weight-bits", THETA = "theta-bits", LOG2 = "log2-frac", MITCHELL = "log2-frac-mitchell", BINS = "bins";

    public static ArchVariant of(ArchConfig base, String parameter, int value) {
        Numerics n = base.numerics();
        ArchConfig a = switch (parameter) {
            case WEIGHTS -> base.withNumerics(n.withWeightBits(value));
            case THETA -> base.withNumerics(n.withThetaBits(value));
            case LOG2, MITCHELL -> {
                ArchConfig withFrac = base.withNumerics(n.withLog2Frac(value));
                int entries = parameter.equals(MITCHELL) ? 0 : Math.min(base.luts().log2MantissaEntries(), 1 << value);
                yield withFrac.withLuts(new Luts(base.luts().sigmoidEntries(), base.luts().sigmoidRangeExp(), entries));
            }
            case BINS -> base.withBins(value);
            default -> throw new IllegalArgumentException(parameter);
        };
        return new ArchVariant(parameter, value, a);
    }
}
