package org.infomorph.compiler.arch;

import java.util.ArrayList;
import java.util.List;

/** The invariants of an {@link ArchConfig}; each problem names the field, the value and the rule. */
public final class ArchConfigRules {
    private ArchConfigRules() {}

    public static List<String> check(ArchConfig c) {
        List<String> p = new ArrayList<>();
        Numerics n = c.numerics();
        width(p, "numerics.weightBits", n.weightBits());
        width(p, "numerics.biasBits", n.biasBits());
        width(p, "numerics.accumulatorBits", n.accumulatorBits());
        width(p, "numerics.gradientBits", n.gradientBits());
        if (n.accumulatorBits() < n.input().bits() + n.weightBits())
            p.add("numerics.accumulatorBits=" + n.accumulatorBits() + " must be >= input.bits + weightBits = " + (n.input().bits() + n.weightBits()));
        if (n.weightHeadroomBits() < 0 || n.weightHeadroomBits() >= n.weightBits())
            p.add("numerics.weightHeadroomBits=" + n.weightHeadroomBits() + " must be in 0.." + (n.weightBits() - 1));
        if (n.theta().signed() || n.theta().frac() != n.theta().bits())
            p.add("numerics.theta must be unsigned with frac == bits (a probability in (0,1)), got " + n.theta());
        if (n.softSum().frac() != n.theta().frac())
            p.add("numerics.softSum.frac=" + n.softSum().frac() + " must equal theta.frac=" + n.theta().frac() + " (it sums theta)");
        if (n.q().frac() > n.q().bits()) p.add("numerics.q.frac=" + n.q().frac() + " must be <= q.bits=" + n.q().bits() + " (Q <= 1)");
        if (n.log2().frac() < 1 || n.log2().frac() > 20) p.add("numerics.log2.frac=" + n.log2().frac() + " must be in 1..20");
        powerOfTwo(p, "bins", c.bins(), 2, 64);
        powerOfTwo(p, "luts.sigmoidEntries", c.luts().sigmoidEntries(), 4, 1 << 16);
        int k = c.luts().log2MantissaEntries();
        if (k != 0) powerOfTwo(p, "luts.log2MantissaEntries", k, 2, 1 << Math.min(16, n.log2().frac()));
        if (c.luts().sigmoidRangeExp() < 0 || c.luts().sigmoidRangeExp() > 6)
            p.add("luts.sigmoidRangeExp=" + c.luts().sigmoidRangeExp() + " must be in 0..6");
        if (!Prng.XORSHIFT32.equals(c.prng().algorithm()) || c.prng().bits() != 32)
            p.add("prng: only {\"algorithm\": \"xorshift32\", \"bits\": 32} is implemented, got " + c.prng());
        LearningRule l = c.learning();
        if (l.table() == null) p.add("learning.table must be PREVIOUS_BATCH or SAME_BATCH");
        if (l.batchExp() < 0 || l.batchExp() > 14) p.add("learning.batchExp=" + l.batchExp() + " must be in 0..14 (batch 1..16384)");
        if (l.momentumShift() < 0 || l.momentumShift() > 16) p.add("learning.momentumShift=" + l.momentumShift() + " must be in 0..16 (0 = none)");
        if (l.minRangeExp() > l.maxRangeExp() || l.initialRangeExp() < l.minRangeExp() || l.initialRangeExp() > l.maxRangeExp())
            p.add("learning: need minRangeExp <= initialRangeExp <= maxRangeExp, got " + l.minRangeExp() + ", " + l.initialRangeExp() + ", " + l.maxRangeExp());
        if (l.update() == null) p.add("learning.update must be PER_SAMPLE or ACCUMULATE");
        if (l.update() == UpdateMode.PER_SAMPLE && l.table() == TableMode.SAME_BATCH)
            p.add("learning.update=PER_SAMPLE needs learning.table=PREVIOUS_BATCH (a sample is updated before its batch's table exists); use ACCUMULATE for SAME_BATCH");
        if (l.update() == UpdateMode.PER_SAMPLE && l.momentumShift() != 0)
            p.add("learning.momentumShift=" + l.momentumShift() + " needs learning.update=ACCUMULATE (per-sample updates keep no velocity)");
        int m = ArchConfig.MULTIPLIER_BITS;
        for (var f : java.util.Map.of("activation", n.activation(), "coefficient", n.coefficient(), "slope", n.slope(), "error", n.error(),
                "table", n.table()).entrySet())
            if (f.getValue().bits() > m) p.add("numerics." + f.getKey() + ".bits=" + f.getValue().bits() + " must be <= " + m + " (a multiplier operand)");
        if (n.weightBits() < 2 || n.weightBits() > m) p.add("numerics.weightBits=" + n.weightBits() + " must be in 2.." + m + " (a multiplier operand)");
        if (n.xBits() > m) p.add("numerics.input.bits=" + n.input().bits() + " must be <= " + m + " (a multiplier operand)");
        if (n.theta().bits() > 8)
            p.add("numerics.theta.bits=" + n.theta().bits() + " must be <= 8 (theta(1-theta) is a " + m + "-bit multiplier operand)");
        if (n.slope().frac() + n.activation().frac() < n.coefficient().frac())
            p.add("numerics: slope.frac + activation.frac = " + (n.slope().frac() + n.activation().frac()) + " must be >= coefficient.frac = "
                    + n.coefficient().frac() + " (dA/du adds m to slope x activation products)");
        int s = c.updateShift();
        if (s < 1 || s > 31)
            p.add("learning: the update shift error.frac + input.frac + batchExp - learningRateExp - (weightBits - 1 - weightHeadroomBits) = " + s
                    + " must be in 1..31; change learningRateExp");
        if (n.count().bits() < l.batchExp() + 1)
            p.add("numerics.count.bits=" + n.count().bits() + " must be >= batchExp + 1 = " + (l.batchExp() + 1) + " to count a whole batch");
        return p;
    }

    private static void width(List<String> p, String name, int bits) {
        if (bits < 1 || bits > Field.MAX_BITS) p.add(name + "=" + bits + " must be in 1.." + Field.MAX_BITS);
    }

    private static void powerOfTwo(List<String> p, String name, int v, int min, int max) {
        if (v < min || v > max || Integer.bitCount(v) != 1) p.add(name + "=" + v + " must be a power of two in " + min + ".." + max);
    }
}
