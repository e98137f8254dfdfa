package org.infomorph.compiler.arch;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infomorph.json.JsonRecords.Range;

/**
 * The invariants of an {@link ArchConfig}; each problem names the field, the value and the rule.
 *
 * <p>Two kinds: the documented range of every integer field ({@link #range}, checked generically
 * over the record's components, so a field added to the record is checked as soon as it has a
 * range here; a test insists that every integer field has one), and the rules between fields. The
 * rules between fields keep every intermediate of the integer model (docs/llu-rule.md) inside 64
 * bits: each says which shift or product it protects.
 */
public final class ArchConfigRules {
    private ArchConfigRules() {}

    /** Ranges of integer fields by path; every {@link Field} has bits 1..32 and frac 0..32 (and frac <= bits). */
    private static final Map<String, Range> RANGES = Map.ofEntries(
            Map.entry("numerics.weightBits", new Range(2, Field.MAX_BITS)),
            Map.entry("numerics.weightHeadroomBits", new Range(0, Field.MAX_BITS - 1)),
            Map.entry("numerics.biasBits", new Range(2, Field.MAX_BITS)),
            Map.entry("numerics.accumulatorBits", new Range(2, Field.MAX_BITS)),
            Map.entry("numerics.gradientBits", new Range(2, Field.MAX_BITS)),
            Map.entry("bins", new Range(2, 64)),
            Map.entry("luts.sigmoidEntries", new Range(4, 1 << 16)),
            Map.entry("luts.sigmoidRangeExp", new Range(0, 6)),
            Map.entry("luts.log2MantissaEntries", new Range(0, 1 << 16)),
            Map.entry("prng.bits", new Range(1, 64)),
            Map.entry("learning.batchExp", new Range(0, 14)),
            Map.entry("learning.learningRateExp", new Range(-32, 32)),
            Map.entry("learning.momentumShift", new Range(0, 16)));

    /**
     * The documented range of the integer field at {@code path} (e.g. {@code numerics.weightBits}),
     * or null if it has none (the record reader then takes any 32-bit value; a test flags it).
     */
    public static Range range(String path, Class<?> owner, String component) {
        if (owner == Field.class) return component.equals("bits") ? new Range(1, Field.MAX_BITS) : new Range(0, Field.MAX_BITS);
        if (owner == BinRange.class) return new Range(-32, 32);
        return RANGES.get(path);
    }

    public static List<String> check(ArchConfig c) {
        List<String> p = new ArrayList<>();
        ranges(p, c, "");
        if (!p.isEmpty()) return p; // the rules below assume every field is in its range
        Numerics n = c.numerics();
        Field in = n.input();
        if (n.accumulatorBits() < in.bits() + n.weightBits())
            p.add("numerics.accumulatorBits=" + n.accumulatorBits() + " must be >= input.bits + weightBits = " + (in.bits() + n.weightBits()));
        if (n.weightHeadroomBits() >= n.weightBits())
            p.add("numerics.weightHeadroomBits=" + n.weightHeadroomBits() + " must be in 0.." + (n.weightBits() - 1) + " (below weightBits)");
        if (in.bits() + n.weightBits() > 40)
            p.add("numerics: input.bits + weightBits = " + (in.bits() + n.weightBits()) + " must be <= 40 (the worst-case sum of a fan-in of 2^20 products is formed in 64 bits)");
        if (n.theta().signed() || n.theta().frac() != n.theta().bits())
            p.add("numerics.theta must be unsigned with frac == bits (a probability in (0,1)), got " + n.theta());
        if (n.softSum().frac() != n.theta().frac())
            p.add("numerics.softSum.frac=" + n.softSum().frac() + " must equal theta.frac=" + n.theta().frac() + " (it sums theta)");
        if (n.log2().frac() < 1 || n.log2().frac() > 20) p.add("numerics.log2.frac=" + n.log2().frac() + " must be in 1..20");
        int cb = n.coefficient().bits(), ab = n.activation().bits(), tb = n.theta().bits();
        if (cb + 2 * ab + 2 * tb > 66)
            p.add("numerics: coefficient.bits + 2 activation.bits + 2 theta.bits = " + (cb + 2 * ab + 2 * tb)
                    + " must be <= 66 (the slope products are exact in 64 bits); narrow theta, activation or coefficient");
        int second = cb + 2 * ab + 4 * tb - 2 * n.activation().frac() - n.theta().frac();
        if (second > 64)
            p.add("numerics: coefficient.bits + 2 activation.bits + 4 theta.bits - 2 activation.frac - theta.frac = " + second
                    + " must be <= 64 (the reduced dA/du times theta(1-theta) is exact in 64 bits); narrow theta or coefficient");
        int mass = Math.max(n.count().bits() + n.theta().frac(), n.softSum().bits());
        if (mass + n.q().frac() > 62)
            p.add("numerics: max(count.bits + theta.frac, softSum.bits) + q.frac = " + (mass + n.q().frac())
                    + " must be <= 62 (Q = (m << q.frac) / V is formed in 64 bits); narrow q, count or softSum");
        int eShift = n.table().frac() + n.slope().frac() - n.error().frac();
        if (eShift > 62 || n.table().bits() + n.slope().bits() - Math.min(0, eShift) > 64)
            p.add("numerics: the error shift table.frac + slope.frac - error.frac = " + eShift
                    + " must be <= 62 with table.bits + slope.bits + max(0, -shift) <= 64 (table x slope is formed in 64 bits)");
        powerOfTwo(p, "bins", c.bins());
        powerOfTwo(p, "luts.sigmoidEntries", c.luts().sigmoidEntries());
        int k = c.luts().log2MantissaEntries();
        if (k != 0 && (Integer.bitCount(k) != 1 || k < 2 || k > 1 << Math.min(16, n.log2().frac())))
            p.add("luts.log2MantissaEntries=" + k + " must be 0 (Mitchell) or a power of two in 2.." + (1 << Math.min(16, n.log2().frac())) + " (at most 2^log2.frac)");
        if (!Prng.XORSHIFT32.equals(c.prng().algorithm()) || c.prng().bits() != 32)
            p.add("prng: only {\"algorithm\": \"xorshift32\", \"bits\": 32} is implemented, got " + c.prng());
        LearningRule l = c.learning();
        if (l.table() == null) p.add("learning.table must be PREVIOUS_BATCH or SAME_BATCH");
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
        binRange(p, "learning.ranges.twoSources", l.ranges().twoSources(), n.activation().frac());
        binRange(p, "learning.ranges.threeSources", l.ranges().threeSources(), n.activation().frac());
        if (n.count().bits() < l.batchExp() + 1)
            p.add("numerics.count.bits=" + n.count().bits() + " must be >= batchExp + 1 = " + (l.batchExp() + 1) + " to count a whole batch");
        int gradBound = l.batchExp() + n.error().bits() - 1 + Math.max(in.bits() - 1, in.frac());
        if (gradBound > 62)
            p.add("learning.batchExp + error.bits - 1 + max(input.bits - 1, input.frac) = " + gradBound + " must be <= 62 (the gradient bound is formed in 64 bits)");
        // the update shift s = error.frac + input.frac + batchExp - lr - weightFrac, weightFrac in 0..(30 - input.frac), the bias's input.frac lower
        int e = n.error().frac() + in.frac() + l.batchExp();
        int lrMin = e - 63, lrMax = e - 30 + (63 - n.gradientBits());
        if (l.learningRateExp() < lrMin || l.learningRateExp() > lrMax)
            p.add("learning.learningRateExp=" + l.learningRateExp() + " must be in " + lrMin + ".." + lrMax
                    + " with these widths (the update shift error.frac + input.frac + batchExp - lr - weightFrac must stay a 64-bit shift)");
        else if (l.update() == UpdateMode.PER_SAMPLE && (c.updateShift() < 1 || c.updateShift() > 31)) {
            int fracMin = c.updateFracMin();
            p.add("learning.learningRateExp=" + l.learningRateExp() + " must be in " + (e - fracMin - 31) + ".." + (e - fracMin - 1)
                    + " for PER_SAMPLE (the update shift error.frac + input.frac + batchExp - lr - (weightBits - 1 - weightHeadroomBits) = "
                    + c.updateShift() + " must be in 1..31)");
        }
        return p;
    }

    /** Every integer component against its range, every Field's frac against its bits: generic over the record. */
    private static void ranges(List<String> p, Record r, String path) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            String at = path.isEmpty() ? c.getName() : path + "." + c.getName();
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v instanceof Integer i) {
                Range range = range(at, r.getClass(), c.getName());
                if (range != null && (i < range.min() || i > range.max())) p.add(at + "=" + i + " must be in " + range.min() + ".." + range.max());
            } else if (v instanceof Record nested) {
                ranges(p, nested, at);
            }
        }
        if (r instanceof Field f && f.frac() > f.bits())
            p.add(path + ".frac=" + f.frac() + " must be <= " + path + ".bits=" + f.bits() + " (the binary point lies within the width)");
    }

    private static void binRange(List<String> p, String path, BinRange r, int af) {
        if (r.minExp() > r.maxExp() || r.initialExp() < r.minExp() || r.initialExp() > r.maxExp())
            p.add(path + ": need minExp <= initialExp <= maxExp, got " + r.minExp() + ", " + r.initialExp() + ", " + r.maxExp());
        if (r.minExp() + af < 0)
            p.add(path + ".minExp + numerics.activation.frac = " + (r.minExp() + af) + " must be >= 0 (the bin offset 2^(e+frac) is an integer)");
        if (r.maxExp() + af > 62)
            p.add(path + ".maxExp + numerics.activation.frac = " + (r.maxExp() + af) + " must be <= 62 (the bin offset is a 64-bit shift)");
    }

    private static void powerOfTwo(List<String> p, String name, int v) {
        if (Integer.bitCount(v) != 1) p.add(name + "=" + v + " must be a power of two");
    }
}
