package org.infomorph.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchTables;
import org.infomorph.compiler.arch.Luts;
import org.infomorph.compiler.fixed.Fixed;
import org.infomorph.compiler.fixed.Log2Unit;
import org.infomorph.compiler.fixed.Xorshift32;
import org.junit.jupiter.api.Test;

/** The small integer units: log2, xorshift32, sigmoid LUT, rounding. */
class ReferenceUnitsTest {
    static final int FRAC = 12;
    static final Log2Unit MITCHELL = new Log2Unit(FRAC, new int[0]);
    static final Log2Unit LUT32 = new Log2Unit(FRAC,
            ArchTables.of(ArchConfig.defaults().withLuts(new Luts(256, 3, 32))).log2Mantissa());

    @Test
    void log2ExactAtPowersOfTwo() {
        for (int e = 0; e < 62; e++) {
            assertEquals((long) e << FRAC, MITCHELL.of(1L << e));
            assertEquals((long) e << FRAC, LUT32.of(1L << e));
        }
    }

    @Property
    void mitchellWithinBound(@ForAll @LongRange(min = 1, max = 1L << 40) long x) {
        double err = Math.abs(MITCHELL.of(x) / 4096.0 - Math.log(x) / Math.log(2));
        assertTrue(err < 0.09, "x=" + x + " err=" + err);
    }

    @Property
    void lutWithinBound(@ForAll @LongRange(min = 1, max = 1L << 40) long x) {
        double err = Math.abs(LUT32.of(x) / 4096.0 - Math.log(x) / Math.log(2));
        assertTrue(err < 0.001, "x=" + x + " err=" + err);
    }

    @Test
    void log2RatioGuard() {
        assertEquals(0, LUT32.ratio(0, 5));
        assertEquals(0, LUT32.ratio(5, 0));
        assertEquals(1 << FRAC, LUT32.ratio(8, 4));
    }

    @Test
    void xorshift32KnownValues() {
        // Marsaglia's xorshift32 (13, 17, 5) from state 1
        int x = 1;
        int[] expected = {270369, 67634689, -1647531835};
        for (int e : expected) assertEquals(e, x = Xorshift32.next(x));
        assertTrue(Xorshift32.seed(0, 0, 0) != 0);
        assertTrue(Xorshift32.seed(1, 0, 0) != Xorshift32.seed(1, 0, 1));
    }

    @Test
    void sigmoidLookupSaturates() {
        ArchConfig a = ArchConfig.defaults();
        SigmoidUnit s = new SigmoidUnit(ArchTables.of(a).sigmoid(), a.numerics().activation().frac(), a.luts().sigmoidRangeExp());
        int one = 1 << a.numerics().activation().frac();
        assertFalse(s.saturated(s.index(0)));
        assertFalse(s.saturated(s.index(8 * one - 1)));
        assertFalse(s.saturated(s.index(-8 * one)));
        assertTrue(s.saturated(s.index(8 * one)));
        assertTrue(s.saturated(s.index(-8 * one - 1)));
        assertEquals(255, s.lookup(100 * one));
        assertEquals(1, s.lookup(-100 * one));
        assertEquals(130, s.lookup(0)); // sigma(1/32) at the centre of the first bin above 0
    }

    @Test
    void roundingShifts() {
        assertEquals(2, Fixed.roundShift(3, 1));  // 1.5 -> 2
        assertEquals(-1, Fixed.roundShift(-3, 1)); // -1.5 -> -1 (half up)
        assertEquals(12, Fixed.roundShift(3, -2));
        assertEquals(1, Fixed.stochasticShift(4, 0, 2));
        assertEquals(1, Fixed.stochasticShift(5, 2, 2));
        assertEquals(2, Fixed.stochasticShift(5, 3, 2));
        SaturationCounters c = new SaturationCounters();
        assertEquals(127, c.saturate(300, -128, 127, SaturationCounters.WEIGHT));
        assertEquals(1, c.get(SaturationCounters.WEIGHT));
    }
}
