package org.infomorph.compiler.pid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedundancyLatticeTest {

    @Test
    void generatesFourAndEighteenAntichains() {
        assertEquals(4, RedundancyLattice.generate(2).size());
        assertEquals(18, RedundancyLattice.generate(3).size());
        assertEquals(18, RedundancyLattice.of(3).size());
        assertEquals(19, RedundancyLattice.of(3).gammaLength());
    }

    @Test
    void gammaOrderMatchesNotes() {
        assertEquals(List.of("{1}", "{2}", "{1}{2}", "{12}"),
                RedundancyLattice.of(2).antichains().stream().map(Antichain::notation).toList());
        RedundancyLattice l3 = RedundancyLattice.of(3);
        assertEquals("{3}{12}", l3.antichains().get(6).notation());
        assertEquals("{12}{13}{23}", l3.antichains().get(10).notation());
        assertEquals(0, l3.bottom());
        assertEquals(17, l3.top());
        assertEquals(2, RedundancyLattice.of(2).bottom());
        assertEquals(3, RedundancyLattice.of(2).top());
    }

    @Test
    void williamsBeerOrder() {
        Antichain bottom = Antichain.parse("{1}{2}{3}");
        Antichain a = Antichain.parse("{1}{23}");
        Antichain b = Antichain.parse("{12}{13}");
        assertEquals(true, bottom.isBelowOrEqual(a));
        assertEquals(false, a.isBelowOrEqual(bottom));
        assertEquals(true, a.isBelowOrEqual(b));     // {12} and {13} each contain {1}
        assertEquals(false, b.isBelowOrEqual(a));
        assertEquals(false, Antichain.parse("{2}").isBelowOrEqual(Antichain.parse("{13}")));
        assertThrows(IllegalArgumentException.class, () -> Antichain.parse("{1}{12}"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void moebiusInvertsZeta(int n) {
        RedundancyLattice l = RedundancyLattice.of(n);
        int[][] m = l.moebius();
        int[][] f = l.zeta();
        for (int i = 0; i < l.size(); i++)
            for (int j = 0; j < l.size(); j++) {
                int s = 0;
                for (int k = 0; k < l.size(); k++) s += m[i][k] * f[k][j];
                assertEquals(i == j ? 1 : 0, s, "(M F)[" + i + "][" + j + "]");
            }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void rowsSumToZeroExceptBottom(int n) {
        RedundancyLattice l = RedundancyLattice.of(n);
        int[][] m = l.moebius();
        for (int i = 0; i < l.size(); i++) {
            int s = 0;
            for (int v : m[i]) s += v;
            assertEquals(i == l.bottom() ? 1 : 0, s, "row " + l.antichains().get(i));
        }
    }

    @Test
    void moebiusN2EqualsNotes() {
        int[][] notes = {{1, 0, -1, 0}, {0, 1, -1, 0}, {0, 0, 1, 0}, {-1, -1, 1, 1}};
        assertArrayEquals(notes, RedundancyLattice.of(2).moebius());
    }

    /** The n=3 gamma order is a linear extension (bottom first), so M is lower triangular; this is the notes' table. */
    @Test
    void moebiusN3EqualsNotesAndIsLowerTriangular() {
        int[][] notes = {
            {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {-1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {-1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {-1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {1, -1, -1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {1, -1, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {1, 0, -1, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0},
            {-1, 1, 1, 1, -1, -1, -1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 1, 0, 0, -1, 0, 0, -1, 1, 0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 1, 0, 0, -1, 0, -1, 0, 1, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 0, 1, 0, 0, -1, -1, 0, 0, 1, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1, -1, 0, 1, 0, 0, 0},
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1, 0, -1, 0, 1, 0, 0},
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, -1, -1, 0, 0, 1, 0},
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 1, 1, 1, -1, -1, -1, 1}};
        int[][] m = RedundancyLattice.of(3).moebius();
        assertArrayEquals(notes, m);
        for (int i = 0; i < m.length; i++)
            for (int j = i + 1; j < m.length; j++) assertEquals(0, m[i][j], "M[" + i + "][" + j + "]");
    }

    @Test
    void unionExpansionMergesEqualUnions() {
        Antichain.UnionExpansion e = Antichain.parse("{12}{13}{23}").unionExpansion();
        assertArrayEquals(new int[] {3, 5, 6, 7}, e.masks());
        assertArrayEquals(new int[] {1, 1, 1, -2}, e.coefs());
    }

    @Test
    void betaFormBivariateMatchesNotes() {
        // notes 4.1: beta_1 = gU1 - gSyn, beta_2 = gU2 - gSyn, beta_12 = gSyn - gH, beta_S = gShd - gU1 - gU2 + gSyn
        double[] beta = RedundancyLattice.of(2).beta(new double[] {-0.2, 0.1, 1, 0.1, 0.3});
        assertArrayEquals(new double[] {-0.3, 0.0, 1.2, 0.1 - 0.3}, beta, 1e-15);
    }
}
