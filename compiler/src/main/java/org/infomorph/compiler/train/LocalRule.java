package org.infomorph.compiler.train;

import org.infomorph.compiler.pid.SoftHistogramPid;

/**
 * The infomorphic local learning rule of one layer for one batch (sections 2.3, 7.3 and 4.1 of
 * the design notes): bin the sums, build each neuron's soft histogram, get dG/dtheta per sample
 * from the analytic coefficient table, chain it through theta's slopes to the weights, and take
 * an Adam step on the loss -G (masked gradient, coupled weight decay).
 */
final class LocalRule {
    private LocalRule() {}

    /** dG/dw and dG/db per source (masked), and the mean atoms over neurons when requested. */
    record Gradients(double[][] dw, double[][] db, double[] meanAtoms) {}

    /** Returns the mean atoms over neurons (gamma order, H_res last) when wantAtoms, else null. */
    static double[] step(LayerState ls, LayerPass pass, boolean wantAtoms) {
        Gradients g = gradients(ls, pass, wantAtoms);
        for (int k = 0; k < ls.sourceCount(); k++) {
            ls.adamW[k].ascend(ls.w[k], g.dw()[k]);
            if (ls.spec.bias()) ls.adamB[k].ascend(ls.b[k], g.db()[k]);
        }
        return g.meanAtoms();
    }

    static Gradients gradients(LayerState ls, LayerPass pass, boolean wantAtoms) {
        GoalGradient g = goalGradient(ls, pass, wantAtoms);
        Gradients c = chain(ls, pass, g.dGdTheta());
        return new Gradients(c.dw(), c.db(), g.meanAtoms());
    }

    /** dG/dtheta per sample and neuron (B x n) and, when requested, each neuron's atoms (else null). */
    record GoalGradient(double[] dGdTheta, double[][] atomsPerNeuron) {
        double[] meanAtoms() {
            return atomsPerNeuron == null ? null : meanOver(atomsPerNeuron);
        }
    }

    /** Bins each neuron's sums, builds its soft histogram and reads dG/dtheta from the coefficient table. */
    static GoalGradient goalGradient(LayerState ls, LayerPass pass, boolean wantAtoms) {
        int n = ls.neurons, batch = pass.batch(), s = ls.sourceCount();
        double[][] atomsPerNeuron = wantAtoms ? new double[n][] : null;
        int[] bins = new int[s];
        for (int k = 0; k < s; k++) bins[k] = ls.binning.bins();
        double[] dGdTheta = new double[batch * n];
        Parallel.forRange(n, 1, (j0, j1) -> {
            int[] cell = new int[batch];
            int[] col = new int[batch];
            double[] theta = new double[batch];
            for (int j = j0; j < j1; j++) { // neuron j's batch is column j of the B x n arrays
                java.util.Arrays.fill(cell, 0);
                for (int k = 0; k < s; k++) {
                    ls.binning.binStrided(pass.sums()[k], j, n, batch, col);
                    for (int b = 0; b < batch; b++) cell[b] = cell[b] * bins[k] + col[b];
                }
                for (int b = 0; b < batch; b++) theta[b] = pass.theta()[b * n + j];
                SoftHistogramPid.Result r = SoftHistogramPid.evaluate(bins, cell, theta, ls.gamma, wantAtoms);
                double[] g = r.dGdTheta();
                for (int b = 0; b < batch; b++) dGdTheta[b * n + j] = g[b];
                if (wantAtoms) atomsPerNeuron[j] = r.atoms();
            }
        });
        return new GoalGradient(dGdTheta, atomsPerNeuron);
    }

    /**
     * The chain rule from dG/dtheta per sample and neuron (B x n) to dG/dw and dG/db per source:
     * the three factors of notes section 7.3 (table entry, slope, presynaptic input). Masked
     * weights get exactly 0.
     */
    static Gradients chain(LayerState ls, LayerPass pass, double[] dGdTheta) {
        int n = ls.neurons, batch = pass.batch(), s = ls.sourceCount();
        double[] e = new double[batch * n];
        double[][] dw = new double[s][], db = new double[s][];
        for (int k = 0; k < s; k++) {
            double[] slope = pass.slopes()[k];
            for (int i = 0; i < e.length; i++) e[i] = dGdTheta[i] * slope[i];
            int size = ls.sources[k].size();
            dw[k] = Linear.weightGradient(e, batch, n, pass.inputs()[k], size);
            double[] mask = ls.mask[k];
            if (!ls.denseMask[k]) for (int i = 0; i < dw[k].length; i++) if (mask[i] == 0) dw[k][i] = 0.0; // absent connections stay exactly 0
            db[k] = new double[n];
            for (int b = 0; b < batch; b++) for (int j = 0; j < n; j++) db[k][j] += e[b * n + j];
        }
        return new Gradients(dw, db, null);
    }

    static double[] meanOver(double[][] rows) {
        double[] mean = new double[rows[0].length];
        for (double[] r : rows) for (int i = 0; i < mean.length; i++) mean[i] += r[i];
        for (int i = 0; i < mean.length; i++) mean[i] /= rows.length;
        return mean;
    }
}
