package org.infomorph.compiler.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mini-batch index lists. Every list covers each index of {@code [0, n)} exactly once; batches
 * have {@code batchSize} indices except the last, which keeps the remainder (as the reference
 * does, which weights it like any other batch). An empty set gives no batches.
 */
public final class Batches {
    private Batches() {}

    /** Batches {@code [0..b), [b..2b), ...} in index order, e.g. for evaluation. */
    public static List<int[]> inOrder(int n, int batchSize) {
        int[] order = new int[checked(n, batchSize)];
        for (int i = 0; i < n; i++) order[i] = i;
        return cut(order, batchSize);
    }

    /**
     * Batches of a random permutation that depends only on {@code (n, seed, epoch)}.
     *
     * <p>The permutation is Fisher-Yates (for {@code i = n-1 .. 1}: swap {@code i} with
     * {@code nextInt(i+1)}) on the identity, drawing from {@code new SplittableRandom(s)}, where
     * {@code s} is the {@code (epoch+1)}-th {@code nextLong()} of {@code new SplittableRandom(seed)}.
     * Deriving a fresh seed per epoch keeps epochs independent and lets a run resume at any epoch.
     */
    public static List<int[]> shuffled(int n, int batchSize, long seed, int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("epoch=" + epoch + " must be >= 0");
        int[] order = new int[checked(n, batchSize)];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom seeds = new SplittableRandom(seed);
        long epochSeed = 0;
        for (int e = 0; e <= epoch; e++) epochSeed = seeds.nextLong();
        SplittableRandom random = new SplittableRandom(epochSeed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return cut(order, batchSize);
    }

    /** Copies the samples {@code indices} of {@code data}, in that order, into a new {@link Batch}. */
    public static Batch gather(Dataset data, int[] indices) {
        Batch batch = new Batch(data.features(), new double[indices.length * data.features()], new int[indices.length]);
        gatherInto(data, indices, batch.x(), batch.y());
        return batch;
    }

    /**
     * Like {@link #gather} but into caller-owned arrays (to reuse them across batches): row
     * {@code b} of {@code x} and {@code y[b]} receive sample {@code indices[b]}; the arrays must
     * hold at least {@code indices.length} rows, and rows past that are left untouched.
     */
    public static void gatherInto(Dataset data, int[] indices, double[] x, int[] y) {
        int f = data.features();
        if (x.length < indices.length * f || y.length < indices.length) {
            throw new IllegalArgumentException("x and y must hold " + indices.length + " rows of " + f
                    + " features; have x.length=" + x.length + ", y.length=" + y.length);
        }
        for (int b = 0; b < indices.length; b++) {
            System.arraycopy(data.x(), indices[b] * f, x, b * f, f);
            y[b] = data.y()[indices[b]];
        }
    }

    private static int checked(int n, int batchSize) {
        if (n < 0) throw new IllegalArgumentException("n=" + n + " must be >= 0");
        if (batchSize <= 0) throw new IllegalArgumentException("batchSize=" + batchSize + " must be > 0");
        return n;
    }

    private static List<int[]> cut(int[] order, int batchSize) {
        List<int[]> batches = new ArrayList<>((order.length + batchSize - 1) / batchSize);
        for (int start = 0; start < order.length; start += batchSize) {
            batches.add(java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize)));
        }
        return List.copyOf(batches);
    }
}
