package org.infomorph.runtime.analysis;

import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.Luts;
import org.infomorph.compiler.arch.Numerics;

/** One point of the pid-error sweep: the default architecture with one parameter changed. */
public record ArchVariant(String parameter, int value, ArchConfig arch) {
    public static final String WEIGHTS = "weight-bits", THETA = "theta-bits", LOG2 = "log2-frac", MITCHELL = "log2-frac-mitchell", BINS = "bins";

    public static ArchVariant of(ArchConfig base, String parameter, int value) {
        Numerics n = base.numerics();
        ArchConfig a = switch (parameter) {
            case WEIGHTS -> base.withNumerics(numerics(n, value, n.theta(), n.softSum(), n.log2()));
            case THETA -> base.withNumerics(numerics(n, n.weightBits(), Field.unsigned(value, value),
                    Field.unsigned(n.softSum().bits() - n.theta().bits() + value, value), n.log2()));
            case LOG2, MITCHELL -> {
                ArchConfig withFrac = base.withNumerics(numerics(n, n.weightBits(), n.theta(), n.softSum(), Field.signed(n.log2().bits(), value)));
                int entries = parameter.equals(MITCHELL) ? 0 : Math.min(base.luts().log2MantissaEntries(), 1 << value);
                yield withFrac.withLuts(new Luts(base.luts().sigmoidEntries(), base.luts().sigmoidRangeExp(), entries));
            }
            case BINS -> base.withBins(value);
            default -> throw new IllegalArgumentException(parameter);
        };
        return new ArchVariant(parameter, value, a);
    }

    private static Numerics numerics(Numerics n, int weightBits, Field theta, Field softSum, Field log2) {
        return new Numerics(n.input(), weightBits, n.weightHeadroomBits(), n.biasBits(), n.accumulatorBits(), n.activation(), theta,
                n.slope(), n.count(), softSum, log2, n.q(), n.coefficient(), n.table(), n.error(), n.gradientBits());
    }
}
