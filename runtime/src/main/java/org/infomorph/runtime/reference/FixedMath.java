package org.infomorph.runtime.reference;

import org.infomorph.compiler.arch.Field;

/**
 * Every rounding and saturation of the integer model, in one place (docs/llu-rule.md preamble).
 * "Round" is HALF_UP: add half an LSB, then an arithmetic shift right. "Saturate" clamps to the
 * field's range and counts one event.
 */
public final class FixedMath {
    private FixedMath() {}

    /** {@code a >>r s}: {@code (a + 2^(s-1)) >> s} for s > 0, {@code a << -s} for s <= 0. */
    public static long roundShift(long a, int s) {
        return s > 0 ? (a + (1L << (s - 1))) >> s : a << -s;
    }

    /** Clamps v to [min, max]; counts an event for {@code counter} when it clamps. */
    public static long saturate(long v, long min, long max, SaturationCounters c, int counter) {
        if (v > max) {
            c.event(counter);
            return max;
        }
        if (v < min) {
            c.event(counter);
            return min;
        }
        return v;
    }

    public static int saturate(long v, Field f, SaturationCounters c, int counter) {
        return (int) saturate(v, f.min(), f.max(), c, counter);
    }

    /** Stochastic rounding of g by 2^s with the 32-bit draw d (docs section 6): floor((g + (d mod 2^s)) / 2^s). */
    public static long stochasticShift(long g, int d, int s) {
        if (s <= 0) return g << -s;
        long r = d & 0xFFFFFFFFL;
        if (s < 32) r &= (1L << s) - 1;
        return (g + r) >> s;
    }

    /** ceil(log2(m)) for m >= 1. */
    public static int ceilLog2(long m) {
        return 64 - Long.numberOfLeadingZeros(m - 1);
    }
}
