package org.infomorph.runtime.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchTables;
import org.infomorph.compiler.arch.LatticeTables;
import org.infomorph.compiler.data.Batch;
import org.infomorph.compiler.data.Batches;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.Dequantiser;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.PostTrainingQuantiser;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.pid.DensePmf;
import org.infomorph.compiler.pid.PidEngine;
import org.infomorph.compiler.train.InfomorphicNetwork;
import org.infomorph.compiler.train.PowerOfTwoBins;
import org.infomorph.compiler.train.SpikeMode;
import org.infomorph.runtime.reference.FixedPid;
import org.infomorph.compiler.fixed.Log2Unit;
import org.infomorph.runtime.reference.ReferenceDevice;
import org.infomorph.runtime.run.DeviceRunner;

/**
 * How much PID fidelity and accuracy a fixed-point format costs. For each architecture variant:
 * the trained network is quantised (its weights at that width), run in float on training
 * batches with the label as context, and every neuron's histogram (the variant's bins,
 * power-of-two ranges from the batch) is decomposed twice: exactly in float64 from the float
 * theta, and by the fixed-point unit (theta at the variant's width, its log2) that hardware
 * monitoring uses. The error is their per-atom difference in bits, averaged over neurons and
 * batches. The accuracy is the L2 model's deterministic test accuracy at that variant.
 */
public final class PidErrorSweep {
    private PidErrorSweep() {}

    /** One variant's outcome; {@code problem} is non-null when the format cannot hold the network. */
    /**
     * One variant's outcome. {@code meanError}: fixed point on hardware theta vs float on exact theta
     * (end to end); {@code arithmeticError}: both on the same (hardware-theta) histogram, i.e. the
     * error of the fixed-point arithmetic alone. {@code problem} is non-null when the format cannot
     * hold the network.
     */
    public record Point(ArchVariant variant, List<double[]> atomError, List<Double> meanError, List<Double> arithmeticError,
            double accuracy, String problem) {}

    public static Point measure(TrainedNetwork trained, ArchVariant v, DatasetSplit data, int batches, long seed) {
        ArchConfig arch = v.arch();
        Image image;
        try {
            image = PostTrainingQuantiser.quantise(trained, arch, seed).image();
        } catch (InvalidInputException e) {
            return new Point(v, List.of(), List.of(), List.of(), Double.NaN, e.getMessage());
        }
        double accuracy;
        try (ReferenceDevice dev = new ReferenceDevice()) {
            dev.load(image);
            accuracy = new DeviceRunner(dev, arch, data, seed).deterministicAccuracy();
        } catch (InvalidInputException e) {
            return new Point(v, List.of(), List.of(), List.of(), Double.NaN, e.getMessage());
        }
        InfomorphicNetwork net = new InfomorphicNetwork(Dequantiser.dequantise(image));
        int layers = trained.spec().layers().size();
        double[][] err = new double[layers][], arith = new double[layers][];
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
            for (int l = 0; l < layers; l++) samples[l] += accumulate(err, arith, l, f, trained.spec().layers().get(l).neurons(), arch, fixed[l]);
        }
        List<double[]> perAtom = new ArrayList<>();
        List<Double> mean = new ArrayList<>(), arithmetic = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int a = 0; a < err[l].length; a++) {
                err[l][a] /= samples[l];
                arith[l][a] /= samples[l];
            }
            perAtom.add(err[l]);
            mean.add(Arrays.stream(err[l]).average().orElse(Double.NaN));
            arithmetic.add(Arrays.stream(arith[l]).average().orElse(Double.NaN));
        }
        return new Point(v, perAtom, mean, arithmetic, accuracy, null);
    }

    /** Adds |fixed - float| per atom for every neuron of layer l; returns the number of neurons. */
    private static int accumulate(double[][] err, double[][] arith, int l, InfomorphicNetwork.Forward f, int n, ArchConfig arch, FixedPid fixed) {
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
                err[l] = new double[exact.length];
                arith[l] = new double[exact.length];
            }
            for (int a = 0; a < exact.length; a++) {
                err[l][a] += Math.abs(approx[a] * unit - exact[a]);
                arith[l][a] += Math.abs(approx[a] * unit - sameHistogram[a]);
            }
        }
        return n;
    }
}
