package org.infomorph.compiler.train;

/**
 * The hardware rule's binning in float (docs/llu-rule.md section 3): 2^binsExp equal bins over
 * [-2^e, 2^e], where e is the smallest exponent with 2^e >= the previous batch's max|u|.
 */
public final class PowerOfTwoBins {
    private PowerOfTwoBins() {}

    /** ceil(log2(maxAbs)) clamped to [min, max]; {@code min} when maxAbs is 0. */
    public static int rangeExp(double maxAbs, int min, int max) {
        if (maxAbs <= 0) return min;
        int e = Math.getExponent(maxAbs);
        if (maxAbs != Math.scalb(1.0, e)) e++;
        return Math.min(max, Math.max(min, e));
    }

    /** floor((u + 2^e) / 2^(e + 1 - binsExp)), clamped to the bins. */
    public static int bin(double u, int rangeExp, int binsExp) {
        int bins = 1 << binsExp;
        double b = Math.floor((u + Math.scalb(1.0, rangeExp)) / Math.scalb(1.0, rangeExp + 1 - binsExp));
        return (int) Math.min(bins - 1, Math.max(0, b));
    }
}
