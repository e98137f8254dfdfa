package org.infomorph.compiler.pid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Williams-Beer redundancy lattice on {@code n} (2 or 3) sources, with its antichains listed in
 * the goal-vector ("gamma") order of the design notes section 3.2 and its exact integer Moebius matrix.
 *
 * <p>The antichains are generated, not tabulated: every non-empty family of pairwise non-nested,
 * non-empty subsets of {1..n} (4 for n=2, 18 for n=3). The gamma order is the notes' list of
 * notations, checked at class load to cover the generated set exactly. The zeta matrix is
 * {@code F[a][b] = 1 iff b <= a}; the Moebius matrix {@code M = F^-1} is computed with the
 * Moebius function recursion {@code mu(b,b) = 1, mu(b,a) = -sum_{b <= c < a} mu(b,c)}, so
 * {@code atoms = M * Icap} with {@code M[a][b] = mu(b,a)}.
 *
 * <p>Instances are immutable; use {@link #of(int)}.
 */
public final class RedundancyLattice {

    private static final List<String> GAMMA_ORDER_2 = List.of("{1}", "{2}", "{1}{2}", "{12}");
    private static final List<String> GAMMA_ORDER_3 = List.of(
            "{1}{2}{3}", "{1}{2}", "{1}{3}", "{2}{3}", "{1}{23}", "{2}{13}", "{3}{12}",
            "{1}", "{2}", "{3}",
            "{12}{13}{23}", "{12}{13}", "{12}{23}", "{13}{23}", "{12}", "{13}", "{23}", "{123}");

    private static final RedundancyLattice TWO = new RedundancyLattice(2, GAMMA_ORDER_2);
    private static final RedundancyLattice THREE = new RedundancyLattice(3, GAMMA_ORDER_3);

    private final int n;
    private final List<Antichain> antichains;
    private final int[][] zeta;
    private final int[][] moebius;
    private final int[][] expansionMasks;
    private final int[][] expansionCoefs;
    private final int bottom;
    private final int top;

    private RedundancyLattice(int n, List<String> gammaOrder) {
        this.n = n;
        List<Antichain> ordered = gammaOrder.stream().map(Antichain::parse).toList();
        Set<Antichain> generated = generate(n);
        if (!new HashSet<>(ordered).equals(generated) || ordered.size() != generated.size()) {
            throw new IllegalStateException("gamma order for n=" + n + " does not match the generated lattice "
                    + generated);
        }
        this.antichains = ordered;
        int k = ordered.size();
        zeta = new int[k][k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
                zeta[a][b] = ordered.get(b).isBelowOrEqual(ordered.get(a)) ? 1 : 0;
        moebius = new int[k][k];
        Integer[][] memo = new Integer[k][k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
                moebius[a][b] = mu(b, a, memo);
        expansionMasks = new int[k][];
        expansionCoefs = new int[k][];
        int bot = -1;
        int tp = -1;
        for (int a = 0; a < k; a++) {
            Antichain.UnionExpansion e = ordered.get(a).unionExpansion();
            expansionMasks[a] = e.masks();
            expansionCoefs[a] = e.coefs();
            if (ordered.get(a).sets().stream().allMatch(m -> Integer.bitCount(m) == 1)
                    && ordered.get(a).size() == n) bot = a;  // {1}{2}..{n}
            if (ordered.get(a).sets().equals(List.of((1 << n) - 1))) tp = a;
        }
        bottom = bot;
        top = tp;
    }

    public static RedundancyLattice of(int n) {
        return switch (n) {
            case 2 -> TWO;
            case 3 -> THREE;
            default -> throw new IllegalArgumentException("n_sources must be 2 or 3, got " + n);
        };
    }

    /** All antichains of non-empty subsets of {1..n}, found by testing every family of subsets. */
    static Set<Antichain> generate(int n) {
        int subsets = (1 << n) - 1;  // masks 1..subsets
        Set<Antichain> out = new HashSet<>();
        for (long family = 1; family < (1L << subsets); family++) {
            List<Integer> sets = new ArrayList<>();
            for (int m = 1; m <= subsets; m++) if ((family >> (m - 1) & 1) != 0) sets.add(m);
            if (isAntichain(sets)) out.add(new Antichain(sets));
        }
        return out;
    }

    private static boolean isAntichain(List<Integer> sets) {
        for (int a : sets)
            for (int b : sets)
                if (a != b && (a & b) == a) return false;
        return true;
    }

    private int mu(int b, int a, Integer[][] memo) {
        if (memo[b][a] != null) return memo[b][a];
        int v;
        if (b == a) v = 1;
        else if (zeta[a][b] == 0) v = 0;
        else {
            v = 0;
            for (int c = 0; c < antichains.size(); c++)
                if (c != a && zeta[c][b] == 1 && zeta[a][c] == 1) v -= mu(b, c, memo);
        }
        memo[b][a] = v;
        return v;
    }

    public int sources() {
        return n;
    }

    /** Number of antichains (atoms): 4 or 18. */
    public int size() {
        return antichains.size();
    }

    /** Length of a goal vector: atoms plus H_res (5 or 19). */
    public int gammaLength() {
        return antichains.size() + 1;
    }

    /** Antichains in gamma order. */
    public List<Antichain> antichains() {
        return antichains;
    }

    /** Zeta matrix in gamma order: {@code F[a][b] = 1 iff antichain b <= antichain a}. Fresh copy. */
    public int[][] zeta() {
        return copy(zeta);
    }

    /** Moebius matrix in gamma order, {@code atoms = M * Icap}, {@code M = F^-1}. Fresh copy. */
    public int[][] moebius() {
        return copy(moebius);
    }

    /** Moebius entry {@code M[a][b]} in gamma order, without copying the matrix. */
    public int moebius(int a, int b) {
        return moebius[a][b];
    }

    /** Gamma index of the bottom antichain {1}{2}(..{n}). */
    public int bottom() {
        return bottom;
    }

    /** Gamma index of the top antichain {1..n}, whose Icap is I(Y:S). */
    public int top() {
        return top;
    }

    /** Source masks of the inclusion-exclusion expansion of antichain {@code a}'s union event (shared, do not modify). */
    int[] expansionMasks(int a) {
        return expansionMasks[a];
    }

    /** Coefficients matching {@link #expansionMasks(int)} (shared, do not modify). */
    int[] expansionCoefs(int a) {
        return expansionCoefs[a];
    }

    /**
     * The beta form of a goal (notes section 4.1): {@code G = sum_a beta_a Icap(a) + gamma_H H(Y)} with
     * {@code beta = M^T gamma_atoms} and then {@code beta_top -= gamma_H}. Returns beta in gamma order.
     */
    public double[] beta(double[] gamma) {
        checkGammaLength(gamma);
        int k = size();
        double[] beta = new double[k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
                beta[b] += moebius[a][b] * gamma[a];
        beta[top] -= gamma[k];
        return beta;
    }

    /** @throws IllegalArgumentException unless {@code gamma.length == gammaLength()} */
    public void checkGammaLength(double[] gamma) {
        if (gamma.length != gammaLength()) {
            throw new IllegalArgumentException("gamma must have " + gammaLength() + " entries for " + n
                    + " sources (atoms in gamma order, H_res last), got " + gamma.length);
        }
    }

    private static int[][] copy(int[][] m) {
        int[][] c = new int[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }
}
