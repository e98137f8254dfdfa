package org.infomorph.compiler.fixed;

/**
 * Integer log2 (docs section 5): {@code L(X) = (msb(X) << log2.frac) + corr(t)}, t the mantissa
 * below the leading one truncated to log2.frac bits; corr = t (Mitchell) or the interpolated
 * mantissa LUT of K = 2^k entries, {@code lut[i] + ((lut[i+1] - lut[i]) f >> (frac - k))} with i the
 * top k bits of t and f the rest (the product floor-shifted). The RTL's log2 unit (hw-sim) is
 * tested against {@link #of}.
 */
public final class Log2Unit {
    private final int frac;
    private final int[] lut;
    private final int k;

    /** @param lut K+1 entries, or empty for Mitchell */
    public Log2Unit(int frac, int[] lut) {
        this.frac = frac;
        this.lut = lut.clone();
        this.k = lut.length == 0 ? 0 : Integer.numberOfTrailingZeros(lut.length - 1);
    }

    public int frac() {
        return frac;
    }

    /** L(X) for X > 0, in units of 2^-frac. */
    public long of(long x) {
        int msb = Fixed.msb(x);
        long rest = x - (1L << msb);
        long t = msb >= frac ? rest >> (msb - frac) : rest << (frac - msb);
        long corr;
        if (lut.length == 0) corr = t;
        else {
            int fb = frac - k;
            int i = (int) (t >> fb);
            long f = t & ((1L << fb) - 1);
            corr = lut[i] + (((long) (lut[i + 1] - lut[i]) * f) >> fb);
        }
        return ((long) msb << frac) + corr;
    }

    /** The log ratio L(x1) - L(x0), 0 when either is 0 (the guard of docs section 5). */
    public long ratio(long x1, long x0) {
        return x1 <= 0 || x0 <= 0 ? 0 : of(x1) - of(x0);
    }
}
