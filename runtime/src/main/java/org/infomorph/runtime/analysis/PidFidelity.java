package org.infomorph.runtime.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchTables;
import org.infomorph.compiler.arch.LatticeTables;
import org.infomorph.compiler.data.Batch;
import org.infomorph.compiler.data.Batches;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.pid.DensePmf;
import org.infomorph.compiler.pid.PidEngine;
import org.infomorph.compiler.train.InfomorphicNetwork;
import org.infomorph.compiler.train.PowerOfTwoBins;
import org.infomorph.compiler.train.SpikeMode;
import org.infomorph.runtime.reference.FixedPid;
import org.infomorph.compiler.fixed.Log2Unit;

/**
 * The PID atoms of a network's own histograms, decomposed twice: exactly in float64 from the float
 * theta, and by the fixed-point unit of an architecture (theta at its width, its log2), as hardware
 * monitoring does. The network runs in float on shuffled training batches with the label as
 * context; every neuron's histogram has the architecture's bins over the power-of-two range of
 * that batch. Results are means over neurons and batches, per layer, in bits.
 */
public final class PidFidelity {
    private PidFidelity() {}

    /**
     * Per layer: {@code exactAtoms} the float64 atoms; {@code atomError} |fixed - float| per atom, end
     * to end (hardware theta vs float theta); {@code arithmeticError} |fixed - float| when both
     * decompose the same hardware-theta histogram (the fixed-point arithmetic alone).
     */
    public record Layers(List<double[]> exactAtoms, List<double[]> atomError, List<double[]> arithmeticError) {
        /** Mean over atoms of layer l's end-to-end error. */
        public double meanError(int l) {
            return Arrays.stream(atomError.get(l)).average().orElse(Double.NaN);
        }

        public double meanArithmeticError(int l) {
            return Arrays.stream(arithmeticError.get(l)).average().orElse(Double.NaN);
        }
    }

    public static Layers measure(TrainedNetwork trained, ArchConfig arch, DatasetSplit data, int batches, long seed) {
        InfomorphicNetwork net = new InfomorphicNetwork(trained);
        int layers = trained.spec().layers().size();
        double[][] exact = new double[layers][], err = new double[layers][], arith = new double[layers][];
        long[] samples = new long[layers];
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> order = Batches.shuffled(data.train().size(), arch.learning().batchSize(), seed, 1);
        ArchTables tables = ArchTables.of(arch);
        Log2Unit log2 = new Log2Unit(arch.numerics().log2().frac(), tables.log2Mantissa());
        FixedPid[] fixed = new FixedPid[layers];
        for (int l = 0; l < layers; l++) {
            int s = trained.spec().layers().get(l).sourceCount();
            fixed[l] = new FixedPid(s, arch.bins(), LatticeTables.of(s), log2, arch.numerics().theta().bits());
        }
        for (int i = 0; i < Math.min(batches, order.size()); i++) {
            Batch b = Batches.gather(data.train(), order.get(i));
            InfomorphicNetwork.Forward f = net.forward(b.x(), b.y(), b.size(), SpikeMode.STOCHASTIC, rng, true);
            for (int l = 0; l < layers; l++)
                samples[l] += accumulate(exact, err, arith, l, f, trained.spec().layers().get(l).neurons(), arch, fixed[l]);
        }
        List<double[]> e = new ArrayList<>(), x = new ArrayList<>(), a = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (double[] sum : new double[][] {exact[l], err[l], arith[l]}) for (int k = 0; k < sum.length; k++) sum[k] /= samples[l];
            x.add(exact[l]);
            e.add(err[l]);
            a.add(arith[l]);
        }
        return new Layers(x, e, a);
    }

    /** Adds the atoms and |fixed - float| per atom for every neuron of layer l; returns the number of neurons. */
    private static int accumulate(double[][] exactSum, double[][] err, double[][] arith, int l, InfomorphicNetwork.Forward f, int n,
            ArchConfig arch, FixedPid fixed) {
        var pass = f.passes().get(l);
        int s = pass.sums().length, batch = f.batch(), bins = arch.bins(), cells = 1;
        for (int k = 0; k < s; k++) cells *= bins;
        int thetaBits = arch.numerics().theta().bits();
        double unit = Math.scalb(1.0, -arch.numerics().log2().frac());
        int[] shape = new int[s];
        Arrays.fill(shape, bins);
        for (int j = 0; j < n; j++) {
            int[] cell = new int[batch];
            for (int k = 0; k < s; k++) {
                double max = 0;
                for (int b = 0; b < batch; b++) max = Math.max(max, Math.abs(pass.sums()[k][b * n + j]));
                int e = max > 0 ? PowerOfTwoBins.rangeExp(max, Integer.MIN_VALUE, Integer.MAX_VALUE) : 0; // this batch's own range
                for (int b = 0; b < batch; b++) cell[b] = cell[b] * bins + PowerOfTwoBins.bin(pass.sums()[k][b * n + j], e, arch.binsExp());
            }
            double[] p = new double[cells * 2], pq = new double[cells * 2];
            int[] counts = new int[cells], soft = new int[cells];
            for (int b = 0; b < batch; b++) {
                double t = pass.theta()[b * n + j];
                p[cell[b] * 2 + 1] += t / batch;
                p[cell[b] * 2] += (1 - t) / batch;
                counts[cell[b]]++;
                int tq = (int) Math.max(1, Math.min((1 << thetaBits) - 1, Math.round(Math.scalb(t, thetaBits))));
                soft[cell[b]] += tq;
                double tf = Math.scalb((double) tq, -thetaBits);
                pq[cell[b] * 2 + 1] += tf / batch;
                pq[cell[b] * 2] += (1 - tf) / batch;
            }
            double[] exact = PidEngine.decompose(new DensePmf(shape, 2, p)).info();
            double[] sameHistogram = PidEngine.decompose(new DensePmf(shape, 2, pq)).info();
            long[] approx = fixed.atoms(counts, soft, 0);
            if (err[l] == null) {
                exactSum[l] = new double[exact.length];
                err[l] = new double[exact.length];
                arith[l] = new double[exact.length];
            }
            for (int a = 0; a < exact.length; a++) {
                exactSum[l][a] += exact[a];
                err[l][a] += Math.abs(approx[a] * unit - exact[a]);
                arith[l][a] += Math.abs(approx[a] * unit - sameHistogram[a]);
            }
        }
        return n;
    }
}
