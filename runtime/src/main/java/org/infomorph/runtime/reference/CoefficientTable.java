package org.infomorph.runtime.reference;

import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.LayerConstants;
import org.infomorph.compiler.arch.LatticeTables;
import org.infomorph.compiler.fixed.Fixed;
import org.infomorph.compiler.fixed.Log2Unit;

/**
 * The coefficient table Delta g of one neuron from its histogram (docs/llu-rule.md section 5),
 * for 2 or 3 sources: marginals per source subset, unions by inclusion-exclusion, integer log
 * ratios, Q by floor division, R by marginal sums of Q. Every term (beta l, beta/ln2 (R1 - R0),
 * gamma_bottom l) is an exact product rounded to {@link #accFrac} fraction bits and added to a
 * saturating 32-bit accumulator, which is reduced to {@code table}.
 */
public final class CoefficientTable {
    private final SourceCells cells;
    private final LatticeTables lattice;
    private final int[] beta, betaR;
    private final int gammaBottom;
    private final Log2Unit log2;
    private final Field q;
    private final Field table;
    private final int thetaFrac;
    private final int logShift;
    private final int rShift;
    private final int outShift;
    /** Fraction bits of the accumulator: Numerics.tableAccFrac(). */
    public final int accFrac;

    public CoefficientTable(ArchConfig arch, SourceCells cells, LayerConstants k, Log2Unit log2) {
        this.cells = cells;
        this.lattice = k.lattice();
        this.beta = k.beta();
        this.betaR = k.betaR();
        this.gammaBottom = k.gammaBottom();
        this.log2 = log2;
        this.q = arch.numerics().q();
        this.table = arch.numerics().table();
        this.thetaFrac = arch.numerics().theta().frac();
        int cf = arch.numerics().coefficient().frac();
        accFrac = arch.numerics().tableAccFrac();
        logShift = cf + log2.frac() - accFrac;
        rShift = cf + q.frac() - accFrac;
        outShift = accFrac - table.frac();
    }

    /** m1 = soft sums, m0 = count * 2^theta.frac - m1, per cell of the neuron at {@code offset}. */
    void masses(int[] counts, int[] softSums, int offset, long[] m0, long[] m1) {
        for (int c = 0; c < cells.cells; c++) {
            m1[c] = softSums[offset + c];
            m0[c] = ((long) counts[offset + c] << thetaFrac) - m1[c];
        }
    }

    /** Writes the neuron's table (cells entries) into {@code out} at {@code outOffset}. */
    public void compute(int[] counts, int[] softSums, int offset, int[] out, int outOffset, SaturationCounters sat) {
        int n = cells.cells;
        long[] m0 = new long[n], m1 = new long[n];
        masses(counts, softSums, offset, m0, m1);
        // a batch fills at most B of the cells: the others have m = 0, add nothing to marginals and have Q = 0
        int[] occ = new int[n];
        int occupied = 0;
        for (int c = 0; c < n; c++) if (m0[c] != 0 || m1[c] != 0) occ[occupied++] = c;
        long[][] marg = cells.marginals(m0, m1, occ, occupied);
        long[][][] wide = cells.wide(marg);
        long[] acc = new long[n];
        long[] v0 = new long[n], v1 = new long[n];
        // R1 - R0 = sum_k coef_k (marg_k(Q1) - marg_k(Q0)) = sum_k coef_k marg_k(Q1 - Q0): one mass, the same bits (long arithmetic is a ring)
        long[] dq = new long[n], dr = new long[n], lr = new long[n];
        long[][] qm = cells.marginalScratch();
        for (int a = 0; a < lattice.size(); a++) {
            if (beta[a] == 0) continue;
            int[] masks = lattice.masks()[a], coefs = lattice.coefs()[a];
            if (lattice.sizes()[a] == 1 && masks.length == 1 && coefs[0] == 1) {
                // one set: its union is its marginal, so one log ratio per marginal row serves all its cells
                long[] t = marg[masks[0]];
                int[] map = cells.row[masks[0]];
                for (int r = 0; r < cells.rows[masks[0]]; r++) lr[r] = Fixed.roundShift(beta[a] * log2.ratio(t[2 * r + 1], t[2 * r]), logShift);
                for (int c = 0; c < n; c++) acc[c] = addAcc(acc[c], lr[map[c]], sat);
                continue;
            }
            cells.unionsWide(wide, masks, coefs, v0, v1);
            for (int c = 0; c < n; c++)
                acc[c] = addAcc(acc[c], Fixed.roundShift(beta[a] * log2.ratio(v1[c], v0[c]), logShift), sat);
            if (lattice.sizes()[a] < 2) continue;
            for (int i = 0; i < occupied; i++) {
                int c = occ[i];
                dq[c] = quotient(m1[c], v1[c], sat) - quotient(m0[c], v0[c], sat);
            }
            cells.marginals(dq, masks, occ, occupied, qm);
            cells.unions(qm, masks, coefs, dr);
            for (int c = 0; c < n; c++)
                acc[c] = addAcc(acc[c], Fixed.roundShift(betaR[a] * dr[c], rShift), sat);
        }
        long bottom = Fixed.roundShift((long) gammaBottom * log2.ratio(marg[0][1], marg[0][0]), logShift);
        for (int c = 0; c < n; c++)
            out[outOffset + c] = sat.saturate(Fixed.roundShift(addAcc(acc[c], -bottom, sat), outShift), table, SaturationCounters.TABLE);
    }

    /** The accumulator's saturating add: a 32-bit signed sum, an overflow counted as a table event. */
    static long addAcc(long acc, long term, SaturationCounters sat) {
        return sat.saturate(acc + term, Integer.MIN_VALUE, Integer.MAX_VALUE, SaturationCounters.TABLE);
    }

    /** Q = {@link Fixed#quotient}(m, V, q.frac) saturated to q. */
    private long quotient(long m, long v, SaturationCounters sat) {
        return sat.saturate(Fixed.quotient(m, v, q.frac()), q, SaturationCounters.Q);
    }
}
