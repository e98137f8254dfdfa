package org.infomorph.compiler.pid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An antichain of the redundancy lattice: a non-empty family of non-empty source sets, none
 * contained in another (design notes section 3.1). A source set is a bit mask, bit {@code i-1}
 * for source {@code i}; e.g. {@code {1}{23}} is the masks {@code 0b001, 0b110}.
 *
 * <p>The sets are kept in notation order (smaller sets first, then by their digit string), so
 * {@link #notation()} prints {@code {3}{12}} as in the notes and equal antichains are equal.
 */
public record Antichain(List<Integer> sets) {

    private static final Comparator<Integer> NOTATION_ORDER =
            Comparator.<Integer>comparingInt(Integer::bitCount).thenComparing(Antichain::digits);

    public Antichain {
        if (sets.isEmpty()) throw new IllegalArgumentException("an antichain needs at least one set");
        List<Integer> sorted = new ArrayList<>(sets);
        sorted.sort(NOTATION_ORDER);
        for (int i = 0; i < sorted.size(); i++) {
            int a = sorted.get(i);
            if (a <= 0) throw new IllegalArgumentException("source sets must be non-empty: " + a);
            for (int j = 0; j < i; j++) {
                int b = sorted.get(j);
                if ((a & b) == a || (a & b) == b) {
                    throw new IllegalArgumentException("not an antichain, " + digits(b) + " and "
                            + digits(a) + " are nested or equal");
                }
            }
        }
        sets = List.copyOf(sorted);
    }

    /** Parses the notes' notation, e.g. {@code "{1}{23}"}. */
    public static Antichain parse(String notation) {
        if (!notation.matches("(\\{[1-9]+\\})+")) {
            throw new IllegalArgumentException("bad antichain notation '" + notation + "', expected e.g. {1}{23}");
        }
        List<Integer> sets = new ArrayList<>();
        for (String part : notation.substring(1, notation.length() - 1).split("\\}\\{")) {
            int mask = 0;
            for (char c : part.toCharArray()) mask |= 1 << (c - '1');
            sets.add(mask);
        }
        return new Antichain(sets);
    }

    /** Williams-Beer order: {@code this <= other} iff every set of {@code other} contains a set of {@code this}. */
    public boolean isBelowOrEqual(Antichain other) {
        for (int a : other.sets) {
            boolean covered = false;
            for (int b : sets) covered |= (a & b) == b;
            if (!covered) return false;
        }
        return true;
    }

    public int size() {
        return sets.size();
    }

    /** Union of all sets, as a source mask. */
    public int unionMask() {
        int m = 0;
        for (int s : sets) m |= s;
        return m;
    }

    /**
     * The inclusion-exclusion expansion of the union event {@code E = U_{a in alpha} {S_a = s_a}}
     * (notes section 3.3): {@code P(E) = sum_k coef[k] * p_{mask[k]}}, obtained by summing
     * {@code (-1)^(|beta|+1)} over non-empty sub-families beta with the same union and dropping zero
     * coefficients (e.g. {@code {12}{13}{23}} gives {@code p12 + p13 + p23 - 2 p123}).
     */
    public UnionExpansion unionExpansion() {
        int m = sets.size();
        int[] coefByMask = new int[1 << 8];
        for (int family = 1; family < (1 << m); family++) {
            int union = 0;
            for (int k = 0; k < m; k++) if ((family >> k & 1) != 0) union |= sets.get(k);
            coefByMask[union] += Integer.bitCount(family) % 2 == 1 ? 1 : -1;
        }
        List<Integer> masks = new ArrayList<>();
        List<Integer> coefs = new ArrayList<>();
        for (int mask = 1; mask < coefByMask.length; mask++) {
            if (coefByMask[mask] != 0) {
                masks.add(mask);
                coefs.add(coefByMask[mask]);
            }
        }
        return new UnionExpansion(masks.stream().mapToInt(Integer::intValue).toArray(),
                coefs.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code P(union) = sum_k coefs[k] * marginal_{masks[k]}}; arrays are fresh copies owned by the caller. */
    public record UnionExpansion(int[] masks, int[] coefs) {
        @Override
        public boolean equals(Object o) {
            return o instanceof UnionExpansion u && Arrays.equals(masks, u.masks) && Arrays.equals(coefs, u.coefs);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(masks) + Arrays.hashCode(coefs);
        }

        @Override
        public String toString() {
            return "UnionExpansion" + Arrays.toString(masks) + Arrays.toString(coefs);
        }
    }

    public String notation() {
        StringBuilder sb = new StringBuilder();
        for (int s : sets) sb.append('{').append(digits(s)).append('}');
        return sb.toString();
    }

    @Override
    public String toString() {
        return notation();
    }

    private static String digits(int mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 31; i++) if ((mask >> i & 1) != 0) sb.append(i + 1);
        return sb.toString();
    }
}
