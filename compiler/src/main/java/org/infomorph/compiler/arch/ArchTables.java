package org.infomorph.compiler.arch;

/**
 * The lookup tables of an {@link ArchConfig} in integer form, computed once in float by the
 * compiler and handed to the integer model (docs/llu-rule.md sections 2.2 and 5).
 *
 * @param sigmoid     2^S entries in {@code theta} units: {@code clamp(round(2^theta.frac * sigma(-2^E + (i + 0.5) 2^(E+1-S))), 1, 2^theta.bits - 1)}
 * @param log2Mantissa K+1 entries {@code round(2^log2.frac * log2(1 + i/K))}, i = 0..K; empty for Mitchell (K = 0)
 */
public record ArchTables(int[] sigmoid, int[] log2Mantissa) {
    public ArchTables {
        sigmoid = sigmoid.clone();
        log2Mantissa = log2Mantissa.clone();
    }

    @Override
    public int[] sigmoid() {
        return sigmoid.clone();
    }

    @Override
    public int[] log2Mantissa() {
        return log2Mantissa.clone();
    }

    public static ArchTables of(ArchConfig arch) {
        return new ArchTables(sigmoidLut(arch), log2Lut(arch));
    }

    static int[] sigmoidLut(ArchConfig arch) {
        int entries = arch.luts().sigmoidEntries();
        int sExp = Integer.numberOfTrailingZeros(entries);
        int e = arch.luts().sigmoidRangeExp();
        Field theta = arch.numerics().theta();
        long max = (1L << theta.bits()) - 1;
        int[] lut = new int[entries];
        for (int i = 0; i < entries; i++) {
            double a = -Math.scalb(1.0, e) + (i + 0.5) * Math.scalb(1.0, e + 1 - sExp);
            double s = 1.0 / (1.0 + Math.exp(-a));
            long q = roundHalfUp(Math.scalb(s, theta.frac()));
            lut[i] = (int) Math.max(1, Math.min(max, q));
        }
        return lut;
    }

    static int[] log2Lut(ArchConfig arch) {
        int k = arch.luts().log2MantissaEntries();
        if (k == 0) return new int[0];
        int frac = arch.numerics().log2().frac();
        int[] lut = new int[k + 1];
        for (int i = 0; i <= k; i++) lut[i] = (int) roundHalfUp(Math.scalb(Math.log1p((double) i / k) / Math.log(2), frac));
        return lut;
    }

    /** floor(x + 1/2): round half up, the {@link Rounding#HALF_UP} of a float. */
    public static long roundHalfUp(double x) {
        return (long) Math.floor(x + 0.5);
    }
}
