package org.infomorph.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Numerics;
import org.junit.jupiter.api.Test;

/** The per-sample update's branch-free int row against the rule's 64-bit formula (docs/llu-rule.md section 6). */
class SampleUpdateTest {
    @Property
    void intRowEqualsLongFormula(@ForAll long seed, @ForAll @IntRange(min = 0, max = 8) int sh, @ForAll @IntRange(min = 1, max = 22) int s) {
        Numerics num = ArchConfig.defaults().numerics();
        if (!SampleUpdate.intExact(num, s, sh)) return;
        SplittableRandom r = new SplittableRandom(seed);
        int wmax = num.weightMax(), len = 1 + r.nextInt(40);
        int e = r.nextInt((int) num.error().min(), (int) num.error().max() + 1);
        int[] x = new int[len], d = new int[len + 3], w = new int[len];
        for (int i = 0; i < len; i++) {
            x[i] = r.nextInt((int) num.input().min(), (int) num.input().max() + 1);
            w[i] = r.nextInt(-wmax, wmax + 1);
        }
        for (int i = 0; i < d.length; i++) d[i] = r.nextInt();
        int[] expected = w.clone();
        int sat = 0;
        for (int i = 0; i < len; i++) {
            long v = expected[i] + ((e * ((long) x[i] << sh) + (d[3 + i] & ((1L << s) - 1))) >> s);
            if (v > wmax || v < -wmax) sat++;
            expected[i] = (int) Math.max(-wmax, Math.min(wmax, v));
        }
        int got = SampleUpdate.denseRow(w, 0, x, 0, len, d, 3, e, sh, s, wmax);
        assertArrayEquals(expected, w);
        assertEquals(sat, got);
    }

    @Test
    void intPathOnlyWhereTheSumFits() {
        Numerics num = ArchConfig.defaults().numerics();
        ArchConfig a = ArchConfig.defaults();
        assertTrue(SampleUpdate.intExact(num, a.updateShift(), 0), "the defaults take the int path");
        assertFalse(SampleUpdate.intExact(num, 31, 0), "a 31-bit shift does not fit");
        assertFalse(SampleUpdate.intExact(num, 20, 16), "a 16-bit-shifted input does not fit");
    }
}
