package org.infomorph.compiler.arch;

/**
 * One fixed-point quantity of the LLU: {@code bits} wide (sign included when {@code signed}),
 * {@code frac} of them after the binary point, reduced to that width by {@code rounding}, and
 * clamped to [{@link #min()}, {@link #max()}] when it would overflow (every clamp is counted).
 * The value of an integer v is v * 2^-frac.
 */
public record Field(int bits, int frac, boolean signed, Rounding rounding) {
    /** The widest quantity the LLU has; the model computes intermediate products in 64 bits. */
    public static final int MAX_BITS = 32;

    public Field {
        if (bits < 1 || bits > MAX_BITS) throw new IllegalArgumentException("bits=" + bits + " must be in 1.." + MAX_BITS);
    }

    public static Field signed(int bits, int frac) {
        return new Field(bits, frac, true, Rounding.HALF_UP);
    }

    public static Field unsigned(int bits, int frac) {
        return new Field(bits, frac, false, Rounding.HALF_UP);
    }

    public long max() {
        return signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    }

    public long min() {
        return signed ? -(1L << (bits - 1)) : 0;
    }

    /** The value of one LSB. */
    public double lsb() {
        return Math.scalb(1.0, -frac);
    }
}
