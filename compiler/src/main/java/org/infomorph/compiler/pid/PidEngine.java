package org.infomorph.compiler.pid;

/**
 * Dense reference implementation of the shared-exclusion PID and its goal gradient.
 *
 * <p><b>Decomposition</b> (notes sections 3.3-3.4). For every antichain alpha, with the union
 * masses {@code U_alpha(s)} and {@code V_alpha(s,y)} built by inclusion-exclusion of marginals,
 * {@code Icap(alpha) = sum_{s,y: p>0} p(s,y) log2(V_alpha(s,y) / (U_alpha(s) P(y)))};
 * {@code atoms = M * Icap}; {@code H_res = H(Y) - Icap(top)}. Cells with {@code p(s,y) = 0}
 * contribute 0 (exact math, no numerical guards). Any alphabets, any target size.
 *
 * <p><b>Gradient</b> (notes section 7.2), binary target only. Per source cell z,
 * {@code dg(z) = dG/dp(z,1) - dG/dp(z,0) = sum_alpha beta_alpha (log2[V(z,1)/V(z,0)]
 * + (R(z,1) - R(z,0))/ln2) - gamma_bottom log2[P(1)/P(0)]}, with beta the goal's beta form and
 * {@code R_alpha(z,v) = sum_{s in E_alpha(z)} Q(s,v)}, {@code Q = p/V_alpha} (0 where p = 0),
 * computed by the same inclusion-exclusion applied to marginal sums of Q. Single-set antichains
 * have {@code R = 1} for both v and are skipped. A log ratio with a zero mass is taken as 0.
 */
public final class PidEngine {

    private PidEngine() {}

    public static PidDecomposition decompose(DensePmf pmf) {
        RedundancyLattice lattice = RedundancyLattice.of(pmf.sources());
        int k = pmf.targetBins();
        double[] p = pmf.p();
        SourceMarginals sm = SourceMarginals.of(pmf.sourceBins(), k);
        int[] occupied = new int[pmf.cells()];
        int count = sm.occupied(p, occupied);  // cells without mass add nothing to any sum below
        double[][] marg = sm.marginalize(p, occupied, count);
        double[] py = marg[0];

        double[] icap = new double[lattice.size()];
        double[] v = new double[k];
        for (int a = 0; a < lattice.size(); a++) {
            int[] masks = lattice.expansionMasks(a);
            int[] coefs = lattice.expansionCoefs(a);
            double sum = 0;
            for (int i = 0; i < count; i++) {
                int cell = occupied[i];
                double u = 0;  // U_alpha(s) = sum_y V_alpha(s,y), since marginalising y is linear
                for (int y = 0; y < k; y++) {
                    v[y] = sm.union(marg, masks, coefs, cell, y);
                    u += v[y];
                }
                for (int y = 0; y < k; y++) {
                    double pc = p[cell * k + y];
                    if (pc > 0) sum += pc * Log2.of(v[y] / (u * py[y]));
                }
            }
            icap[a] = sum;
        }
        int[][] m = lattice.moebius();
        double[] atoms = new double[lattice.size()];
        for (int a = 0; a < atoms.length; a++)
            for (int b = 0; b < atoms.length; b++) atoms[a] += m[a][b] * icap[b];
        double hy = 0;
        for (double q : py) if (q > 0) hy -= q * Log2.of(q);
        return new PidDecomposition(icap, atoms, hy, hy - icap[lattice.top()]);
    }

    /**
     * The per-cell coefficient table {@code dg(z)} for a binary target, indexed by source cell
     * (row-major, as in {@link DensePmf}). Marginals and Q sums run over the occupied cells only
     * (the same sums: the other terms are zero), and a single-set antichain takes one logarithm
     * per row of its marginal.
     *
     * @throws IllegalArgumentException if the target is not binary or gamma has the wrong length
     */
    public static double[] deltaG(DensePmf pmf, double[] gamma) {
        if (pmf.targetBins() != 2) {
            throw new IllegalArgumentException("delta_g needs a binary target, found " + pmf.targetBins() + " target values");
        }
        RedundancyLattice lattice = RedundancyLattice.of(pmf.sources());
        double[] beta = lattice.beta(gamma);
        int cells = pmf.cells();
        double[] p = pmf.p();
        SourceMarginals sm = SourceMarginals.of(pmf.sourceBins(), 2);
        int[] occupied = new int[cells];
        int count = sm.occupied(p, occupied);
        double[][] marg = sm.marginalize(p, occupied, count);
        double[] dg = new double[cells];
        double[] vTab = new double[cells * 2];
        double[] q = new double[cells * 2];
        double[] rTab = new double[cells * 2];
        for (int a = 0; a < lattice.size(); a++) {
            if (beta[a] == 0) continue;
            int[] masks = lattice.expansionMasks(a);
            int[] coefs = lattice.expansionCoefs(a);
            if (lattice.antichains().get(a).size() < 2) {  // V is one marginal (coefficient 1) and R == 1 for both v
                double[] m = marg[masks[0]];
                int[] row = sm.cellToRow[masks[0]];
                double[] ratio = new double[sm.rows[masks[0]]];
                for (int r = 0; r < ratio.length; r++) ratio[r] = Log2.ratio(m[r * 2 + 1], m[r * 2]);
                for (int cell = 0; cell < cells; cell++) dg[cell] += beta[a] * ratio[row[cell]];
                continue;
            }
            sm.unionAll(marg, masks, coefs, vTab);
            for (int cell = 0; cell < cells; cell++) dg[cell] += beta[a] * Log2.ratio(vTab[cell * 2 + 1], vTab[cell * 2]);
            for (int i = 0; i < count; i++)
                for (int y = 0, at = occupied[i] * 2; y < 2; y++) q[at + y] = p[at + y] > 0 ? p[at + y] / vTab[at + y] : 0.0;
            sm.unionAll(sm.marginalize(q, occupied, count), masks, coefs, rTab);
            for (int cell = 0; cell < cells; cell++) dg[cell] += beta[a] * (rTab[cell * 2 + 1] - rTab[cell * 2]) * Log2.INV_LN2;
        }
        double pr = Log2.ratio(marg[0][1], marg[0][0]);
        double gBottom = gamma[lattice.bottom()];
        for (int cell = 0; cell < cells; cell++) dg[cell] -= gBottom * pr;
        return dg;
    }
}
