package org.infomorph.compiler.pid;

import java.util.Arrays;

/**
 * Fast, sample-centric PID goal and gradient of one neuron's soft histogram (notes sections 2.3, 7.2, 8).
 *
 * <p>The PMF is {@code p(s,1) = (1/B) sum_b 1[cell_b = s] theta_b},
 * {@code p(s,0) = (1/B) sum_b 1[cell_b = s] (1 - theta_b)}. Only occupied cells carry mass, so the
 * joint is kept per occupied cell and every other quantity is a lookup in a small dense marginal
 * table {@code p_A(s_A, v)} (one per proper source subset A) at the sample's own bins: the union
 * masses {@code V_alpha} by inclusion-exclusion, and the R-terms by the same inclusion-exclusion over
 * marginal sums of {@code Q_alpha = p / V_alpha}. The result equals {@link PidEngine} on the same
 * PMF: {@code dGdTheta[b] = deltaG(cell_b) / B}.
 *
 * <p>Tables live in a {@link Workspace}; entries are invalidated by a generation stamp rather than
 * cleared, so a call costs O(B * antichains) plus O(touched rows). The 5-argument
 * {@link #evaluate(int[], int[], double[], double[], boolean)} uses one workspace per thread, so
 * concurrent calls for different neurons are safe.
 */
public final class SoftHistogramPid {

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private SoftHistogramPid() {}

    /**
     * @param atoms    atoms in gamma order then H_res (bits); null unless requested
     * @param goal     {@code G = gamma . atoms}; NaN unless atoms were requested
     * @param dGdTheta {@code dG/dtheta_b} per sample
     */
    public record Result(double[] atoms, double goal, double[] dGdTheta) {}

    /**
     * Evaluates one neuron's batch with this thread's workspace.
     *
     * @param bins      alphabet size per source (length 2 or 3)
     * @param cell      per sample, the row-major bin index {@code (s1*bins[1]+s2)(*bins[2]+s3)}
     * @param thetaPlus per sample, {@code P(y=1)} in [0,1]
     * @param gamma     goal vector in gamma order, H_res last (5 or 19 entries)
     * @param wantAtoms also compute atoms, H_res and G (monitoring only; learning needs just dGdTheta)
     * @throws IllegalArgumentException on an empty batch, mismatched lengths, a cell out of range or
     *                                  a theta outside [0,1]
     */
    public static Result evaluate(int[] bins, int[] cell, double[] thetaPlus, double[] gamma, boolean wantAtoms) {
        return evaluate(WORKSPACE.get(), bins, cell, thetaPlus, gamma, wantAtoms);
    }

    /** As {@link #evaluate(int[], int[], double[], double[], boolean)} with a caller-owned workspace (one per thread). */
    public static Result evaluate(Workspace ws, int[] bins, int[] cell, double[] thetaPlus, double[] gamma,
                                  boolean wantAtoms) {
        int batch = cell.length;
        if (batch == 0) throw new IllegalArgumentException("empty batch: the soft histogram needs B >= 1 samples");
        if (thetaPlus.length != batch) {
            throw new IllegalArgumentException("cell has " + batch + " samples but thetaPlus has " + thetaPlus.length);
        }
        RedundancyLattice lattice = RedundancyLattice.of(bins.length);
        lattice.checkGammaLength(gamma);
        ws.prepare(bins, batch);
        int u = ws.group(cell, thetaPlus);
        double invB = 1.0 / batch;
        double[] p1 = ws.p1;
        double[] p0 = ws.p0;
        double py1 = 0;
        double py0 = 0;
        for (int i = 0; i < u; i++) {
            p1[i] *= invB;
            p0[i] *= invB;
            py1 += p1[i];
            py0 += p0[i];
        }
        ws.accumulateMarginals(u);

        double[] beta = lattice.beta(gamma);
        double[] dg = ws.dg;
        Arrays.fill(dg, 0, u, -gamma[lattice.bottom()] * Log2.ratio(py1, py0));
        double[] icap = wantAtoms ? new double[lattice.size()] : null;
        int full = (1 << bins.length) - 1;
        for (int a = 0; a < lattice.size(); a++) {
            boolean grad = beta[a] != 0;
            if (!grad && !wantAtoms) continue;
            int[] masks = lattice.expansionMasks(a);
            int[] coefs = lattice.expansionCoefs(a);
            double ic;
            if (masks.length == 1 && masks[0] == full) ic = ws.jointTerm(u, beta[a], py1, py0, wantAtoms);
            else if (lattice.antichains().get(a).size() == 1) ic = ws.marginalTerm(masks[0], u, beta[a], py1, py0, wantAtoms);
            else ic = ws.unionTerm(masks, coefs, full, u, beta[a], py1, py0, wantAtoms);
            if (wantAtoms) icap[a] = ic;
        }

        double[] dGdTheta = new double[batch];
        int[] slot = ws.sampleSlot;
        for (int b = 0; b < batch; b++) dGdTheta[b] = dg[slot[b]] * invB;
        ws.release(u);
        if (!wantAtoms) return new Result(null, Double.NaN, dGdTheta);

        double[] info = new double[lattice.gammaLength()];
        for (int i = 0; i < lattice.size(); i++)
            for (int j = 0; j < lattice.size(); j++) info[i] += lattice.moebius(i, j) * icap[j];
        double hy = (py1 > 0 ? -py1 * Log2.of(py1) : 0) + (py0 > 0 ? -py0 * Log2.of(py0) : 0);
        info[lattice.size()] = hy - icap[lattice.top()];
        double g = 0;
        for (int i = 0; i < info.length; i++) g += gamma[i] * info[i];
        return new Result(info, g, dGdTheta);
    }

    /**
     * Reusable scratch tables for {@link SoftHistogramPid}. Not thread-safe: use one per thread.
     * Sized lazily for the largest batch and the current alphabet sizes.
     */
    public static final class Workspace {
        private int[] bins = new int[0];
        private int full;
        private int[] cellSlot = new int[0];     // source cell -> occupied-cell slot, -1 if empty
        private int[] sampleSlot = new int[0];   // sample -> occupied-cell slot
        private int[] slotCell = new int[0];     // slot -> source cell
        private double[] p1 = new double[0];     // slot -> p(s,1)
        private double[] p0 = new double[0];     // slot -> p(s,0)
        private double[] dg = new double[0];     // slot -> delta_g
        private double[] q1 = new double[0];     // slot -> Q_alpha(s,1)
        private double[] q0 = new double[0];
        private int[][] row = new int[0][];      // [mask][slot] -> row in marginal A
        private double[][] pt = new double[0][]; // [mask][row*2+v] -> p_A(row, v)
        private double[][] qt = new double[0][]; // [mask][row*2+v] -> sum of Q over the row
        private double[][] lr = new double[0][]; // [mask][row] -> log2 p_A(row,1)/p_A(row,0)
        private int[][] stamp = new int[0][];    // [mask][row] -> generation that last touched it
        private int[][] touched = new int[0][];  // [mask] -> rows touched this call
        private int[] touchedCount = new int[0];
        private int generation;

        void prepare(int[] newBins, int batch) {
            if (!Arrays.equals(bins, newBins)) allocateTables(newBins);
            if (sampleSlot.length < batch) {
                sampleSlot = new int[batch];
                slotCell = new int[batch];
                p1 = new double[batch];
                p0 = new double[batch];
                dg = new double[batch];
                q1 = new double[batch];
                q0 = new double[batch];
                for (int mask = 1; mask < full; mask++) {
                    row[mask] = new int[batch];
                    touched[mask] = new int[Math.min(batch, pt[mask].length / 2)];
                }
            }
            if (++generation == Integer.MAX_VALUE) {  // stamps would become ambiguous: reset them
                for (int mask = 1; mask < full; mask++) Arrays.fill(stamp[mask], 0);
                generation = 1;
            }
        }

        private void allocateTables(int[] newBins) {
            long cells = 1;
            for (int b : newBins) {
                if (b < 1) throw new IllegalArgumentException("bins must be >= 1: " + Arrays.toString(newBins));
                cells *= b;
            }
            if (cells > 1 << 26) throw new IllegalArgumentException("too many cells: " + Arrays.toString(newBins));
            bins = newBins.clone();
            full = (1 << bins.length) - 1;
            cellSlot = new int[(int) cells];
            Arrays.fill(cellSlot, -1);
            row = new int[full][];
            pt = new double[full][];
            qt = new double[full][];
            lr = new double[full][];
            stamp = new int[full][];
            touched = new int[full][];
            touchedCount = new int[full];
            int batch = sampleSlot.length;
            for (int mask = 1; mask < full; mask++) {
                int rows = 1;
                for (int i = 0; i < bins.length; i++) if ((mask >> i & 1) != 0) rows *= bins[i];
                row[mask] = new int[batch];
                pt[mask] = new double[2 * rows];
                qt[mask] = new double[2 * rows];
                lr[mask] = new double[rows];
                stamp[mask] = new int[rows];
                touched[mask] = new int[Math.min(batch, rows)];
            }
            generation = 0;
        }

        /** Sums theta and 1-theta per occupied cell; returns the number of occupied cells. */
        int group(int[] cell, double[] theta) {
            int u = 0;
            for (int b = 0; b < cell.length; b++) {
                int c = cell[b];
                double t = theta[b];
                if (c < 0 || c >= cellSlot.length) {
                    release(u);
                    throw new IllegalArgumentException("cell[" + b + "] = " + c + " is outside 0.." + (cellSlot.length - 1));
                }
                if (!(t >= 0 && t <= 1)) {
                    release(u);
                    throw new IllegalArgumentException("thetaPlus[" + b + "] = " + t + " is not a probability in [0,1]");
                }
                int s = cellSlot[c];
                if (s < 0) {
                    s = u++;
                    cellSlot[c] = s;
                    slotCell[s] = c;
                    p1[s] = 0;
                    p0[s] = 0;
                }
                p1[s] += t;
                p0[s] += 1 - t;  // summed separately so that p(s,0) is exactly 0 iff every theta is 1
                sampleSlot[b] = s;
            }
            return u;
        }

        void release(int u) {
            for (int s = 0; s < u; s++) cellSlot[slotCell[s]] = -1;
        }

        /** Fills the marginal tables of every proper source subset from the occupied cells. */
        void accumulateMarginals(int u) {
            int n = bins.length;
            int[] coord = new int[n];
            for (int mask = 1; mask < full; mask++) touchedCount[mask] = 0;
            for (int s = 0; s < u; s++) {
                int rest = slotCell[s];
                for (int i = n - 1; i >= 0; i--) {
                    coord[i] = rest % bins[i];
                    rest /= bins[i];
                }
                for (int mask = 1; mask < full; mask++) {
                    int r = 0;
                    for (int i = 0; i < n; i++) if ((mask >> i & 1) != 0) r = r * bins[i] + coord[i];
                    row[mask][s] = r;
                    double[] t = pt[mask];
                    if (stamp[mask][r] != generation) {
                        stamp[mask][r] = generation;
                        t[2 * r] = 0;
                        t[2 * r + 1] = 0;
                        touched[mask][touchedCount[mask]++] = r;
                    }
                    t[2 * r] += p0[s];
                    t[2 * r + 1] += p1[s];
                }
            }
        }

        /** Antichain {1..n}: V is the joint itself; returns its Icap = I(Y:S) if wanted. */
        double jointTerm(int u, double beta, double py1, double py0, boolean wantIcap) {
            double ic = 0;
            for (int s = 0; s < u; s++) {
                if (beta != 0) dg[s] += beta * Log2.ratio(p1[s], p0[s]);
                if (wantIcap) ic += infoTerm(p1[s], p0[s], p1[s], p0[s], py1, py0);
            }
            return ic;
        }

        /** Single-set antichain {A}: V is the marginal p_A, R == 1; the logs are per touched row. */
        double marginalTerm(int mask, int u, double beta, double py1, double py0, boolean wantIcap) {
            double[] t = pt[mask];
            double[] l = lr[mask];
            int[] rows = touched[mask];
            double ic = 0;
            for (int k = 0; k < touchedCount[mask]; k++) {
                int r = rows[k];
                if (beta != 0) l[r] = Log2.ratio(t[2 * r + 1], t[2 * r]);
                if (wantIcap) ic += infoTerm(t[2 * r + 1], t[2 * r], t[2 * r + 1], t[2 * r], py1, py0);
            }
            if (beta != 0) {
                int[] rr = row[mask];
                for (int s = 0; s < u; s++) dg[s] += beta * l[rr[s]];
            }
            return ic;
        }

        /** Antichain with >= 2 sets: V by inclusion-exclusion, plus the R-term from marginal sums of Q = p/V. */
        double unionTerm(int[] masks, int[] coefs, int fullMask, int u, double beta, double py1, double py0,
                         boolean wantIcap) {
            double ic = 0;
            for (int s = 0; s < u; s++) {
                double v1 = 0;
                double v0 = 0;
                for (int k = 0; k < masks.length; k++) {
                    int mask = masks[k];
                    if (mask == fullMask) {
                        v1 += coefs[k] * p1[s];
                        v0 += coefs[k] * p0[s];
                    } else {
                        int r = row[mask][s];
                        v1 += coefs[k] * pt[mask][2 * r + 1];
                        v0 += coefs[k] * pt[mask][2 * r];
                    }
                }
                if (wantIcap) ic += infoTerm(p1[s], p0[s], v1, v0, py1, py0);
                if (beta != 0) {
                    dg[s] += beta * Log2.ratio(v1, v0);
                    q1[s] = p1[s] > 0 ? p1[s] / v1 : 0;  // p <= V, so V > 0 wherever p > 0
                    q0[s] = p0[s] > 0 ? p0[s] / v0 : 0;
                }
            }
            if (beta == 0) return ic;
            for (int mask : masks) {
                if (mask == fullMask) continue;
                double[] t = qt[mask];
                int[] rows = touched[mask];
                for (int k = 0; k < touchedCount[mask]; k++) {
                    t[2 * rows[k]] = 0;
                    t[2 * rows[k] + 1] = 0;
                }
                int[] rr = row[mask];
                for (int s = 0; s < u; s++) {
                    t[2 * rr[s]] += q0[s];
                    t[2 * rr[s] + 1] += q1[s];
                }
            }
            double scale = beta * Log2.INV_LN2;
            for (int s = 0; s < u; s++) {
                double r1 = 0;
                double r0 = 0;
                for (int k = 0; k < masks.length; k++) {
                    int mask = masks[k];
                    if (mask == fullMask) {
                        r1 += coefs[k] * q1[s];
                        r0 += coefs[k] * q0[s];
                    } else {
                        int r = row[mask][s];
                        r1 += coefs[k] * qt[mask][2 * r + 1];
                        r0 += coefs[k] * qt[mask][2 * r];
                    }
                }
                dg[s] += scale * (r1 - r0);
            }
            return ic;
        }

        /** {@code sum_v p_v log2(V_v / (U P(v)))} with {@code U = V_1 + V_0}; zero-mass terms are 0. */
        private static double infoTerm(double pa1, double pa0, double v1, double v0, double py1, double py0) {
            double uu = v1 + v0;
            double s = 0;
            if (pa1 > 0) s += pa1 * Log2.of(v1 / (uu * py1));
            if (pa0 > 0) s += pa0 * Log2.of(v0 / (uu * py0));
            return s;
        }
    }
}
