package org.infomorph.compiler.rtl;

import java.math.BigInteger;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LatticeTables;
import org.infomorph.compiler.arch.Numerics;

/**
 * The widths and shifts of the table engine (docs/llu-rtl.md, "Table engine"), each the exact bound
 * of what the model's {@code long} holds at that point (docs/llu-rule.md section 5): masses,
 * marginals and unions of the histogram, Q and its marginals, R differences, log2 values.
 *
 * @param massW   m0 = count 2^theta.frac - softSum and m1 = softSum
 * @param margW   a marginal: the sum of the masses over up to bins^sources cells
 * @param unionW  V: an inclusion-exclusion sum of marginals
 * @param qW      Q, saturated to numerics.q
 * @param qMargW  a marginal of Q
 * @param rW      R: an inclusion-exclusion sum of Q marginals (R1 - R0 is one bit wider)
 * @param divN    quotient bits of the dividers: 2^divN exceeds |q|
 * @param ellW    a log2 value (msb << log2.frac) + correction; a ratio of two is one bit wider
 */
public record TableGeometry(int sources, int cells, int massW, int margW, int unionW, int qW, int qMargW, int rW, int divN, int ellW,
                            int logShift, int rShift, int outShift) {
    /** The geometry of an array whose layers have at most {@code sources} sources. */
    public static TableGeometry of(ArchConfig arch, int sources) {
        Numerics n = arch.numerics();
        BigInteger one = BigInteger.ONE;
        BigInteger softMax = one.shiftLeft(n.softSum().bits()).subtract(one);
        BigInteger massLo = softMax.negate();
        BigInteger massHi = softMax.max(one.shiftLeft(n.count().bits()).subtract(one).shiftLeft(n.theta().frac()));
        int cells = 1 << (arch.binsExp() * sources);
        BigInteger c = BigInteger.valueOf(cells);
        int coefSum = 0;
        for (int s = 2; s <= 3; s++)
            for (int[] cf : LatticeTables.of(s).coefs()) coefSum = Math.max(coefSum, java.util.Arrays.stream(cf).map(Math::abs).sum());
        BigInteger cs = BigInteger.valueOf(coefSum);
        BigInteger qMin = BigInteger.valueOf(n.q().min()), qMax = BigInteger.valueOf(n.q().max());
        int massW = width(massLo, massHi);
        int margW = width(massLo.multiply(c), massHi.multiply(c));
        int unionW = width(massLo.multiply(c).multiply(cs), massHi.multiply(c).multiply(cs));
        int qW = width(qMin, qMax);
        int qMargW = width(qMin.multiply(c), qMax.multiply(c));
        BigInteger span = qMax.subtract(qMin).multiply(c).multiply(cs.shiftLeft(1));
        int rW = width(span.negate(), span);
        int divN = Math.max(qMax.bitLength(), qMin.negate().bitLength());
        int ellW = (32 - Integer.numberOfLeadingZeros(unionW - 1)) + n.log2().frac() + 3;
        int cf = n.coefficient().frac(), acc = n.tableAccFrac();
        return new TableGeometry(sources, cells, massW, margW, unionW, qW, qMargW, rW, divN, ellW, cf + n.log2().frac() - acc,
                cf + n.q().frac() - acc, acc - n.table().frac());
    }

    /** Bits of a signed value in [lo, hi]. */
    static int width(BigInteger lo, BigInteger hi) {
        int b = 1;
        while (lo.compareTo(BigInteger.ONE.shiftLeft(b - 1).negate()) < 0 || hi.compareTo(BigInteger.ONE.shiftLeft(b - 1)) >= 0) b++;
        return b;
    }

    /** Rows of the marginal over the sources in {@code mask}. */
    public int rows(int mask, int binsExp) {
        return 1 << (binsExp * Integer.bitCount(mask));
    }

    /** First word of each non-full mask's marginal (mask 0, the totals, has one row): offsets[mask]. */
    public int[] offsets(int layerSources, int binsExp) {
        int full = (1 << layerSources) - 1;
        int[] off = new int[full];
        for (int m = 1; m < full; m++) off[m] = off[m - 1] + rows(m - 1, binsExp);
        return off;
    }

    /** Words of the marginal scratch memories: every non-full mask's rows for this array's most sources. */
    public int marginalWords(int binsExp) {
        int[] off = offsets(sources, binsExp);
        return off[off.length - 1] + rows(off.length - 1, binsExp);
    }
}
