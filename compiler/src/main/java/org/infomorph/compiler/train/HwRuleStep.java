package org.infomorph.compiler.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.BinRange;
import org.infomorph.compiler.arch.LearningRule;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.data.Batch;
import org.infomorph.compiler.pid.DensePmf;
import org.infomorph.compiler.pid.PidEngine;

/**
 * The hardware learning rule in float64 (ladder level L1, docs/llu-rule.md): 2^nb bins per source
 * over power-of-two ranges taken from the previous batch's max|u|, the coefficient table of the
 * previous (or the same) batch, plain SGD ascent with learning rate 2^lr, fixed sources never
 * updated, learning on full batches only. PER_SAMPLE applies each sample's gradient right after
 * it (the hardware's rule); ACCUMULATE sums the batch (optional momentum). No quantisation:
 * L0 -> L1 is the approximation error of the rule.
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

    @Override
    public Trained train(InfomorphicNetwork net, Batch b, SplittableRandom spikes, boolean wantAtoms) {
        if (!arch.learning().perSample() || b.size() != arch.learning().batchSize())
            return LearningRuleStep.super.train(net, b, spikes, wantAtoms);
        int f = b.features(), classes = net.spec().classes();
        double[] theta = new double[b.size() * classes];
        for (LayerRule l : layers) l.beginBatch();
        for (int i = 0; i < b.size(); i++) {
            double[] x = java.util.Arrays.copyOfRange(b.x(), i * f, (i + 1) * f);
            InfomorphicNetwork.Forward fwd = net.forward(x, new int[] {b.y()[i]}, 1, SpikeMode.STOCHASTIC, spikes, true);
            System.arraycopy(fwd.outputTheta(), 0, theta, i * classes, classes);
            for (int l = 0; l < layers.length; l++) layers[l].sample(fwd.passes().get(l), b.size());
        }
        List<double[]> atoms = new ArrayList<>();
        for (LayerRule l : layers) atoms.add(l.endBatch(b.size(), wantAtoms));
        return new Trained(theta, atoms);
    }

    /** Per-layer state of the rule: range exponents, running maxima, stored tables, velocities, the batch's histogram. */
    private static final class LayerRule {
        private final LayerState ls;
        private final LearningRule rule;
        private final BinRange range;
        private final int bins, binsExp, cells;
        private final int[][] rangeExp;
        private final double[][] maxAbs;
        private double[][] previousTable;
        private final double[][] velocityW, velocityB;
        private double[][] pmf;

        LayerRule(LayerState ls, ArchConfig arch) {
            this.ls = ls;
            this.rule = arch.learning();
            this.range = rule.ranges().of(ls.sourceCount());
            this.bins = arch.bins();
            this.binsExp = arch.binsExp();
            int c = 1;
            for (int k = 0; k < ls.sourceCount(); k++) c *= bins;
            this.cells = c;
            rangeExp = new int[ls.neurons][ls.sourceCount()];
            for (int[] r : rangeExp) java.util.Arrays.fill(r, range.initialExp());
            maxAbs = new double[ls.neurons][ls.sourceCount()];
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
                    rangeExp[j][k] = PowerOfTwoBins.rangeExp(max, range.minExp(), range.maxExp());
                }
                double[] p = new double[cells * 2];
                for (int b = 0; b < batch; b++) {
                    double t = pass.theta()[b * n + j];
                    p[cell[b] * 2 + 1] += t / batch;
                    p[cell[b] * 2] += (1 - t) / batch;
                }
                DensePmf pmf = pmf(p);
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

        void beginBatch() {
            pmf = new double[ls.neurons][cells * 2];
        }

        /** One sample (a pass of batch 1): bin with the previous batch's ranges, count it, update with the previous table. */
        void sample(LayerPass pass, int batch) {
            int n = ls.neurons, s = ls.sourceCount();
            double[] dGdTheta = new double[n];
            for (int j = 0; j < n; j++) {
                int cell = 0;
                for (int k = 0; k < s; k++) {
                    double u = pass.sums()[k][j];
                    maxAbs[j][k] = Math.max(maxAbs[j][k], Math.abs(u));
                    cell = cell * bins + PowerOfTwoBins.bin(u, rangeExp[j][k], binsExp);
                }
                double t = pass.theta()[j];
                pmf[j][cell * 2 + 1] += t / batch;
                pmf[j][cell * 2] += (1 - t) / batch;
                dGdTheta[j] = previousTable[j][cell] / batch;
            }
            LocalRule.Gradients g = LocalRule.chain(ls, pass, dGdTheta);
            double lr = Math.scalb(1.0, rule.learningRateExp());
            for (int k = 0; k < s; k++) {
                if (ls.sources[k].resetToMask()) continue;
                add(ls.w[k], g.dw()[k], lr);
                if (ls.spec.bias()) add(ls.b[k], g.db()[k], lr);
            }
        }

        /** The batch boundary: the next table from the batch's histogram, the ranges from its maxima. */
        double[] endBatch(int batch, boolean wantAtoms) {
            int n = ls.neurons, s = ls.sourceCount();
            double[][] atoms = wantAtoms ? new double[n][] : null;
            IntStream.range(0, n).parallel().forEach(j -> {
                DensePmf p = pmf(pmf[j]);
                previousTable[j] = PidEngine.deltaG(p, ls.gamma);
                if (wantAtoms) atoms[j] = PidEngine.decompose(p).info();
                for (int k = 0; k < s; k++) {
                    rangeExp[j][k] = PowerOfTwoBins.rangeExp(maxAbs[j][k], range.minExp(), range.maxExp());
                    maxAbs[j][k] = 0;
                }
            });
            return wantAtoms ? LocalRule.meanOver(atoms) : null;
        }

        private DensePmf pmf(double[] p) {
            int[] shape = new int[ls.sourceCount()];
            java.util.Arrays.fill(shape, bins);
            return new DensePmf(shape, 2, p);
        }

        private static void add(double[] p, double[] grad, double lr) {
            for (int i = 0; i < p.length; i++) p[i] += lr * grad[i];
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
