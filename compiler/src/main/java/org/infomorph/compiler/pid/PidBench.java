package org.infomorph.compiler.pid;

import java.util.Random;

/**
 * Single-thread throughput of {@link SoftHistogramPid} for the trainer's workload: 100 neurons,
 * B = 256 uniformly random cells and thetas, on 20x20 and 20x20x20 bins, gradient only and with
 * atoms. Prints milliseconds per batch (all 100 neurons) after a warm-up.
 *
 * <p>Run: {@code java -cp compiler/target/classes org.infomorph.compiler.pid.PidBench}.
 */
public final class PidBench {
    private static final int NEURONS = 100;
    private static final int BATCH = 256;
    private static final int DATASETS = 8;

    private PidBench() {}

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        for (int[] bins : new int[][] {{20, 20}, {20, 20, 20}}) {
            for (boolean atoms : new boolean[] {false, true}) {
                double ms = msPerBatch(bins, atoms, reps);
                System.out.printf("bins=%s neurons=%d B=%d wantAtoms=%b: %.3f ms/batch%n",
                        bins.length == 2 ? "20x20" : "20x20x20", NEURONS, BATCH, atoms, ms);
            }
        }
    }

    /** Mean wall time of one batch (all neurons) over {@code reps} batches, after as many warm-up batches. */
    public static double msPerBatch(int[] bins, boolean wantAtoms, int reps) {
        Random rnd = new Random(1);
        int cells = 1;
        for (int b : bins) cells *= b;
        double[] gamma = new double[RedundancyLattice.of(bins.length).gammaLength()];
        for (int i = 0; i < gamma.length; i++) gamma[i] = 2 * rnd.nextDouble() - 1;  // every beta non-zero: worst case
        int[][] cell = new int[DATASETS * NEURONS][BATCH];
        double[][] theta = new double[DATASETS * NEURONS][BATCH];
        for (int j = 0; j < cell.length; j++)
            for (int b = 0; b < BATCH; b++) {
                cell[j][b] = rnd.nextInt(cells);
                theta[j][b] = rnd.nextDouble();
            }
        SoftHistogramPid.Workspace ws = new SoftHistogramPid.Workspace();
        double sink = 0;
        for (int r = 0; r < reps; r++) sink += batch(ws, bins, cell, theta, gamma, wantAtoms, r);
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) sink += batch(ws, bins, cell, theta, gamma, wantAtoms, r);
        long t1 = System.nanoTime();
        if (sink == 42.4242) System.out.println();  // keeps the JIT from dropping the work
        return (t1 - t0) / 1e6 / reps;
    }

    private static double batch(SoftHistogramPid.Workspace ws, int[] bins, int[][] cell, double[][] theta,
                                double[] gamma, boolean wantAtoms, int rep) {
        double s = 0;
        int base = (rep % DATASETS) * NEURONS;
        for (int j = 0; j < NEURONS; j++) {
            SoftHistogramPid.Result res = SoftHistogramPid.evaluate(ws, bins, cell[base + j], theta[base + j], gamma, wantAtoms);
            s += res.dGdTheta()[0];
        }
        return s;
    }
}
