package org.infomorph.runtime.reference;

import org.infomorph.compiler.arch.LatticeTables;
import org.infomorph.compiler.fixed.Log2Unit;

/**
 * PID atoms of a neuron's histogram in integer arithmetic, for monitoring (docs section 8).
 * {@code Icap(alpha) = sum_{s,v} m_v[s] (L V(s,v) - L U(s) - L P(v) + L N) / N} with N the total
 * soft mass and U = V(.,0) + V(.,1); atoms = Moebius * Icap; H_res = H(Y) - Icap(top). Cells with
 * m_v[s] = 0 contribute 0; the division by N rounds half up. All results are in log2 units
 * (2^-log2.frac bit); the caller converts to bits.
 */
public final class FixedPid {
    private final SourceCells cells;
    private final LatticeTables lattice;
    private final Log2Unit log2;
    private final int thetaFrac;

    public FixedPid(int sources, int bins, LatticeTables lattice, Log2Unit log2, int thetaFrac) {
        this.cells = new SourceCells(sources, bins);
        this.lattice = lattice;
        this.log2 = log2;
        this.thetaFrac = thetaFrac;
    }

    /** Atoms in gamma order, then H_res: 5 or 19 values in log2 units; all 0 for an empty histogram. */
    public long[] atoms(int[] counts, int[] softSums, int offset) {
        int n = cells.cells;
        long[] m0 = new long[n], m1 = new long[n];
        for (int c = 0; c < n; c++) {
            m1[c] = softSums[offset + c];
            m0[c] = ((long) counts[offset + c] << thetaFrac) - m1[c];
        }
        long[][] marg = cells.marginals(m0, m1);
        long p0 = marg[0][0], p1 = marg[0][1], total = p0 + p1;
        int k = lattice.size();
        long[] out = new long[k + 1];
        if (total <= 0) return out;
        long lN = log2.of(total);
        long lP0 = p0 > 0 ? log2.of(p0) : 0, lP1 = p1 > 0 ? log2.of(p1) : 0;
        long[] icap = new long[k];
        for (int a = 0; a < k; a++) {
            int[] masks = lattice.masks()[a], coefs = lattice.coefs()[a];
            long sum = 0;
            for (int c = 0; c < n; c++) {
                if (m0[c] == 0 && m1[c] == 0) continue;
                long v0 = cells.union(marg, masks, coefs, c, 0), v1 = cells.union(marg, masks, coefs, c, 1);
                long lU = log2.of(v0 + v1);
                if (m0[c] > 0) sum += m0[c] * (log2.of(v0) - lU - lP0 + lN);
                if (m1[c] > 0) sum += m1[c] * (log2.of(v1) - lU - lP1 + lN);
            }
            icap[a] = Math.floorDiv(sum + total / 2, total);
        }
        for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) out[a] += lattice.moebius()[a][b] * icap[b];
        long h = 0;
        if (p0 > 0) h += p0 * (lN - lP0);
        if (p1 > 0) h += p1 * (lN - lP1);
        out[k] = Math.floorDiv(h + total / 2, total) - icap[lattice.top()];
        return out;
    }
}
