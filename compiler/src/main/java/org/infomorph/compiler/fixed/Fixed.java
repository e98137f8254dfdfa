package org.infomorph.compiler.fixed;

/**
 * The specification of every rounding, saturation and integer step of the LLU (docs/llu-rule.md,
 * preamble and sections 3, 5, 6): the integer model (runtime's reference package) calls these
 * functions, and the RTL's {@code Fixed.scala} and table engine are tested against them bit for
 * bit (hw-sim's tests). Each function states its width, rounding and saturation here, once.
 * "Round" is HALF_UP: add half an LSB, then an arithmetic shift right. Values are exact in
 * {@code long}; the RTL makes each as wide as its bound needs.
 */
public final class Fixed {
    private Fixed() {}

    /** {@code a >>r s}: {@code (a + 2^(s-1)) >> s} for s > 0 (HALF_UP), {@code a << -s} for s <= 0. */
    public static long roundShift(long a, int s) {
        return s > 0 ? (a + (1L << (s - 1))) >> s : a << -s;
    }

    /** v clamped to [min, max]; the model counts a saturation event exactly when the result differs from v. */
    public static long clamp(long v, long min, long max) {
        return v > max ? max : v < min ? min : v;
    }

    /**
     * Stochastic rounding of g by 2^s with the 32-bit draw d (docs section 6):
     * {@code floor((g + (d mod 2^s)) / 2^s)} for s > 0 (d read as unsigned), {@code g << -s} for s <= 0.
     */
    public static long stochasticShift(long g, int d, int s) {
        if (s <= 0) return g << -s;
        long r = d & 0xFFFFFFFFL;
        if (s < 32) r &= (1L << s) - 1;
        return (g + r) >> s;
    }

    /** Index of the leading one of x > 0: floor(log2 x). */
    public static int msb(long x) {
        return 63 - Long.numberOfLeadingZeros(x);
    }

    /** ceil(log2(m)) for m >= 1 (0 for m = 1). */
    public static int ceilLog2(long m) {
        return 64 - Long.numberOfLeadingZeros(m - 1);
    }

    /**
     * A range exponent from a batch's max|u| (docs section 3): {@code clamp(ceilLog2(maxAbs) - af, min, max)},
     * {@code min} when maxAbs is 0; af is activation.frac.
     */
    public static int rangeExp(long maxAbs, int af, int min, int max) {
        return maxAbs == 0 ? min : (int) clamp(ceilLog2(maxAbs) - af, min, max);
    }

    /**
     * The bin of u in the range 2^e (docs section 3): {@code clamp((u + 2^(e+af)) >> (e + af + 1 - binsExp), 0, 2^binsExp - 1)},
     * the shift a floor (arithmetic) shift, a left shift when negative; af is activation.frac.
     */
    public static int bin(long u, int e, int af, int binsExp) {
        int sh = e + af + 1 - binsExp;
        long v = u + (1L << (e + af));
        long x = sh >= 0 ? v >> sh : v << -sh;
        return (int) clamp(x, 0, (1 << binsExp) - 1);
    }

    /**
     * The table engine's quotient before saturation (docs section 5): {@code floor((m << frac) / v)};
     * 0 when m = 0; when v = 0 (only after saturated counts) {@code Long.MAX_VALUE} or
     * {@code Long.MIN_VALUE} by the sign of m, so that saturating to the field gives its limit.
     */
    public static long quotient(long m, long v, int frac) {
        if (m == 0) return 0;
        if (v == 0) return m > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        return Math.floorDiv(m << frac, v);
    }
}
