package org.infomorph.compiler.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.infomorph.compiler.network.ActivationSpec;
import org.infomorph.compiler.network.BinningKind;
import org.infomorph.compiler.network.BinningSpec;
import org.infomorph.compiler.network.GoalSpec;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.LayerWeights;
import org.infomorph.compiler.network.MaskKind;
import org.infomorph.compiler.network.MaskSpec;
import org.infomorph.compiler.network.OptimizerSpec;
import org.infomorph.compiler.network.SourceRole;
import org.infomorph.compiler.network.SourceSpec;
import org.infomorph.compiler.network.SourceWeights;
import org.infomorph.compiler.pid.SoftHistogramPid;
import org.junit.jupiter.api.Test;

/**
 * The chain rule of the local rule (Delta g table -> theta slopes -> weights) against central
 * finite differences of the goal sum_j G_j, with the bins frozen as in the reference (binning
 * carries no gradient). This is check (B)/(C) of section 7.5 of the design notes.
 */
class LocalRuleGradientTest {
    private static final int B = 256;
    private static final double H = 1e-6;

    @Test
    void bivariateGraetzAdaptiveBins() {
        check(List.of(source(SourceRole.R, 7, MaskKind.DENSE), source(SourceRole.C, 4, MaskKind.DENSE)),
                new ActivationSpec.Graetz(0.9, 2), new BinningSpec(BinningKind.ADAPTIVE, 6, 0, 0),
                new double[] {0.0379, 0.3185, 0.7755, 0.1536, 0.0076}, 3);
    }

    @Test
    void trivariateSchneiderFixedBinsWithMaskedLateral() {
        double[] gamma = {0.3307, 0.9781, -0.9935, 0.4017, 0.2428, 0.6255, 0.4713, 0.0212, 0.0605, -0.9470, -0.0199,
            -0.9677, -0.6924, 0.4270, 0.9736, 0.7370, -0.1218, -0.2151, 0.0350};
        check(List.of(source(SourceRole.R, 6, MaskKind.DENSE), source(SourceRole.C, 3, MaskKind.DENSE),
                        source(SourceRole.L, 3, MaskKind.NO_SELF)),
                new ActivationSpec.Schneider(0.1, 0.1, 2, 2), new BinningSpec(BinningKind.FIXED, 5, -4, 4), gamma, 3);
    }

    private static SourceSpec source(SourceRole role, int size, MaskKind mask) {
        return new SourceSpec(role, "input", size, new MaskSpec(mask, 0, 0), false);
    }

    private static void check(List<SourceSpec> sources, ActivationSpec act, BinningSpec bins, double[] gamma, int neurons) {
        LayerSpec spec = new LayerSpec("l", neurons, sources, act, new GoalSpec(null, gamma), bins, new double[] {-1, 1},
                OptimizerSpec.adam(0.001, 0), true);
        SplittableRandom rnd = new SplittableRandom(7);
        SourceWeights[] sw = new SourceWeights[sources.size()];
        double[][] inputs = new double[sources.size()][];
        for (int k = 0; k < sw.length; k++) {
            int size = sources.get(k).size();
            double[] w = new double[neurons * size], b = new double[neurons];
            for (int i = 0; i < w.length; i++) w[i] = rnd.nextDouble(-0.8, 0.8);
            for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble(-0.3, 0.3);
            sw[k] = new SourceWeights(neurons, size, w, b);
            inputs[k] = new double[B * size];
            for (int i = 0; i < inputs[k].length; i++) inputs[k][i] = rnd.nextGaussian();
        }
        LayerState ls = new LayerState(spec, new LayerWeights(List.of(sw)), Double.POSITIVE_INFINITY);
        LayerPass pass = InfomorphicNetwork.run(ls, inputs, B, true);
        int[][] cells = frozenCells(ls, pass);
        LocalRule.Gradients g = LocalRule.gradients(ls, pass, false);

        double maxRel = 0;
        int checked = 0;
        for (int k = 0; k < sw.length; k++) {
            for (int i = 0; i < ls.w[k].length; i++) {
                double analytic = g.dw()[k][i];
                if (ls.mask[k][i] == 0) {
                    assertEquals(0.0, analytic, "masked weight " + k + "/" + i + " must get no gradient");
                    continue;
                }
                double fd = finiteDifference(ls, inputs, cells, ls.w[k], i);
                maxRel = Math.max(maxRel, Math.abs(fd - analytic) / (1e-6 + Math.abs(fd)));
                assertEquals(fd, analytic, 1e-7 + 1e-5 * Math.abs(fd), "dG/dw source " + k + " index " + i);
                checked++;
            }
            for (int j = 0; j < neurons; j++) {
                double fd = finiteDifference(ls, inputs, cells, ls.b[k], j);
                assertEquals(fd, g.db()[k][j], 1e-7 + 1e-5 * Math.abs(fd), "dG/db source " + k + " neuron " + j);
            }
        }
        assertTrue(checked > 10, "checked " + checked);
    }

    private static int[][] frozenCells(LayerState ls, LayerPass pass) {
        int n = ls.neurons, s = ls.sourceCount();
        int[][] cells = new int[n][B];
        int[] col = new int[B];
        for (int j = 0; j < n; j++)
            for (int k = 0; k < s; k++) {
                ls.binning.bin(pass.sums()[k], B, n, j, col);
                for (int b = 0; b < B; b++) cells[j][b] = cells[j][b] * ls.binning.bins() + col[b];
            }
        return cells;
    }

    private static double finiteDifference(LayerState ls, double[][] inputs, int[][] cells, double[] param, int i) {
        double keep = param[i];
        param[i] = keep + H;
        double up = goal(ls, inputs, cells);
        param[i] = keep - H;
        double dn = goal(ls, inputs, cells);
        param[i] = keep;
        return (up - dn) / (2 * H);
    }

    private static double goal(LayerState ls, double[][] inputs, int[][] cells) {
        LayerPass p = InfomorphicNetwork.run(ls, inputs, B, false);
        int n = ls.neurons;
        int[] bins = new int[ls.sourceCount()];
        java.util.Arrays.fill(bins, ls.binning.bins());
        double total = 0;
        for (int j = 0; j < n; j++) {
            double[] theta = new double[B];
            for (int b = 0; b < B; b++) theta[b] = p.theta()[b * n + j];
            total += SoftHistogramPid.evaluate(bins, cells[j], theta, ls.gamma, true).goal();
        }
        return total;
    }
}
