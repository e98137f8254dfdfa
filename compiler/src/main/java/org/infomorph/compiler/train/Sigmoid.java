package org.infomorph.compiler.train;

/**
 * The logistic function on the exponential of {@link #expNonPositive}, written so that
 * {@link VectorActivation} can repeat it lane by lane with the same operations and so the same bits.
 */
final class Sigmoid {
    static final double INV_LN2 = 1.4426950408889634;
    /** ln 2 in two parts (fdlibm's): n * LN2_HI is exact for the |n| <= 1022 used here */
    static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds to an integer and leaves the integer in the low mantissa bits */
    static final double ROUND = 6755399441055744.0;
    /** Arguments below are raised to it, so that 2^n stays a normal number (e^-708 ~ 3e-308). */
    static final double MIN_ARG = -708.0;
    /** Taylor coefficients 1/k!, k = 13 down to 0: the truncation error on |r| <= ln2/2 is below 1e-17. */
    static final double[] TAYLOR = taylor();

    private Sigmoid() {}

    private static double[] taylor() {
        double[] c = new double[14];
        double f = 1;
        for (int k = 1; k <= 13; k++) f *= k;
        for (int k = 13; k >= 0; k--) {
            c[13 - k] = 1.0 / f;
            f = k > 0 ? f / k : 1;
        }
        return c;
    }

    /**
     * 1/(1+e^-u) without overflow: 1/(1+e^-u) for u >= 0, e^u/(1+e^u) below, from one exponential
     * of -|u| and a select (a branch on the sign is mispredicted for spread-out sums).
     */
    static double of(double u) {
        double e = expNonPositive(-Math.abs(u));
        return (u >= 0 ? 1.0 : e) / (1.0 + e);
    }

    /**
     * e^x for x <= 0 (NaN stays NaN), within 2 ulp of {@link Math#exp}, from additions and
     * multiplications only: x = n ln2 + r with |r| <= ln2/2, e^r by Horner, times 2^n built from its
     * bits. Arguments below {@link #MIN_ARG} give e^MIN_ARG instead of a subnormal or 0.
     */
    static double expNonPositive(double x) {
        x = Math.max(x, MIN_ARG);
        double t = x * INV_LN2 + ROUND;
        double n = t - ROUND;
        double r = x - n * LN2_HI - n * LN2_LO;
        double p = TAYLOR[0];
        for (int k = 1; k < TAYLOR.length; k++) p = p * r + TAYLOR[k];
        long bits = (Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(ROUND) + 1023) << 52;
        return p * Double.longBitsToDouble(bits);
    }
}
