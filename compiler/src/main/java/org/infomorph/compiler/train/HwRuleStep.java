package org.infomorph.compiler.train;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LearningRule;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.pid.DensePmf;
import org.infomorph.compiler.pid.PidEngine;

/**
 * The hardware learning rule in float64 (ladder level L1, docs/llu-rule.md): 2^nb bins per source
 * over power-of-two ranges taken from the previous batch's max|u|, the coefficient table of the
 * previous (or the same) batch, plain SGD ascent with learning rate 2^lr (optional momentum),
 * fixed sources never updated, learning on full batches only. No quantisation: L0 -> L1 is the
 * approximation error of the rule.
 */
final class HwRuleStep implements LearningRuleStep {
    private final ArchConfig arch;
    private final LayerRule[] layers;

    HwRuleStep(InfomorphicNetwork net, ArchConfig arch) {
        this.arch = arch;
        layers = new LayerRule[net.layerCount()];
        for (int i = 0; i < layers.length; i++) layers[i] = new LayerRule(net.layer(i), arch);
    }

    @Override
    public List<double[]> learn(InfomorphicNetwork net, InfomorphicNetwork.Forward fwd, boolean wantAtoms) {
        if (fwd.batch() != arch.learning().batchSize()) return List.of(); // partial batch: inference only
        List<double[]> atoms = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) atoms.add(layers[i].step(fwd.passes().get(i), wantAtoms));
        return atoms;
    }

    /** Per-layer state of the rule: range exponents, running maxima, stored tables, velocities. */
    private static final class LayerRule {
        private final LayerState ls;
        private final LearningRule rule;
        private final int bins, binsExp, cells;
        private final int[][] rangeExp;
        private final double[][] previousTable;
        private final double[][] velocityW, velocityB;

        LayerRule(LayerState ls, ArchConfig arch) {
            this.ls = ls;
            this.rule = arch.learning();
            this.bins = arch.bins();
            this.binsExp = arch.binsExp();
            int c = 1;
            for (int k = 0; k < ls.sourceCount(); k++) c *= bins;
            this.cells = c;
            rangeExp = new int[ls.neurons][ls.sourceCount()];
            for (int[] r : rangeExp) java.util.Arrays.fill(r, rule.initialRangeExp());
            previousTable = new double[ls.neurons][cells];
            velocityW = new double[ls.sourceCount()][];
            velocityB = new double[ls.sourceCount()][];
            for (int k = 0; k < ls.sourceCount(); k++) {
                velocityW[k] = new double[ls.w[k].length];
                velocityB[k] = new double[ls.b[k].length];
            }
        }

        double[] step(LayerPass pass, boolean wantAtoms) {
            int n = ls.neurons, batch = pass.batch(), s = ls.sourceCount();
            double[] dGdTheta = new double[batch * n];
            double[][] atoms = wantAtoms ? new double[n][] : null;
            IntStream.range(0, n).parallel().forEach(j -> {
                int[] cell = new int[batch];
                for (int k = 0; k < s; k++) {
                    double[] u = pass.sums()[k];
                    double max = 0;
                    for (int b = 0; b < batch; b++) {
                        double x = u[b * n + j];
                        max = Math.max(max, Math.abs(x));
                        cell[b] = cell[b] * bins + PowerOfTwoBins.bin(x, rangeExp[j][k], binsExp);
                    }
                    rangeExp[j][k] = PowerOfTwoBins.rangeExp(max, rule.minRangeExp(), rule.maxRangeExp());
                }
                double[] p = new double[cells * 2];
                for (int b = 0; b < batch; b++) {
                    double t = pass.theta()[b * n + j];
                    p[cell[b] * 2 + 1] += t / batch;
                    p[cell[b] * 2] += (1 - t) / batch;
                }
                int[] shape = new int[s];
                java.util.Arrays.fill(shape, bins);
                DensePmf pmf = new DensePmf(shape, 2, p);
                double[] table = PidEngine.deltaG(pmf, ls.gamma);
                double[] use = rule.table() == TableMode.SAME_BATCH ? table : previousTable[j];
                for (int b = 0; b < batch; b++) dGdTheta[b * n + j] = use[cell[b]] / batch;
                previousTable[j] = table;
                if (wantAtoms) atoms[j] = PidEngine.decompose(pmf).info();
            });
            LocalRule.Gradients g = LocalRule.chain(ls, pass, dGdTheta);
            double lr = Math.scalb(1.0, rule.learningRateExp());
            for (int k = 0; k < s; k++) {
                if (ls.sources[k].resetToMask()) continue; // fixed on chip
                apply(ls.w[k], g.dw()[k], velocityW[k], lr);
                if (ls.spec.bias()) apply(ls.b[k], g.db()[k], velocityB[k], lr);
            }
            return wantAtoms ? LocalRule.meanOver(atoms) : null;
        }

        private void apply(double[] p, double[] grad, double[] velocity, double lr) {
            int m = rule.momentumShift();
            for (int i = 0; i < p.length; i++) {
                double delta = lr * grad[i];
                if (m > 0) delta = velocity[i] = velocity[i] - Math.scalb(velocity[i], -m) + delta;
                p[i] += delta;
            }
        }
    }
}
