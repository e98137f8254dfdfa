package org.infomorph.compiler.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DataBatchesTest {

    @Property(tries = 300)
    void everyEpochCoversEachIndexExactlyOnce(@ForAll @IntRange(min = 0, max = 2000) int n,
            @ForAll @IntRange(min = 1, max = 300) int batchSize, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 20) int epoch) {
        List<int[]> batches = Batches.shuffled(n, batchSize, seed, epoch);
        assertCoversOnce(n, batchSize, batches);
    }

    @Property(tries = 100)
    void inOrderCoversEachIndexInOrder(@ForAll @IntRange(min = 0, max = 2000) int n,
            @ForAll @IntRange(min = 1, max = 300) int batchSize) {
        List<int[]> batches = Batches.inOrder(n, batchSize);
        assertCoversOnce(n, batchSize, batches);
        int next = 0;
        for (int[] b : batches) for (int i : b) assertEquals(next++, i);
    }

    @Property(tries = 100)
    void sameSeedAndEpochGiveTheSameBatches(@ForAll @IntRange(min = 0, max = 1000) int n, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 50) int epoch) {
        assertEqualBatches(Batches.shuffled(n, 32, seed, epoch), Batches.shuffled(n, 32, seed, epoch));
    }

    @Test
    void epochsAndSeedsGiveDifferentOrders() {
        int[] e0 = flat(Batches.shuffled(1000, 64, 30, 0));
        int[] e1 = flat(Batches.shuffled(1000, 64, 30, 1));
        int[] e2 = flat(Batches.shuffled(1000, 64, 30, 2));
        int[] otherSeed = flat(Batches.shuffled(1000, 64, 31, 0));
        assertFalse(Arrays.equals(e0, e1));
        assertFalse(Arrays.equals(e1, e2));
        assertFalse(Arrays.equals(e0, otherSeed));
        int[] identity = flat(Batches.inOrder(1000, 64));
        assertFalse(Arrays.equals(e0, identity));
    }

    @Test
    void lastPartialBatchIsKept() {
        List<int[]> batches = Batches.shuffled(8004, 256, 30, 0);
        assertEquals(32, batches.size());
        assertEquals(8004 - 31 * 256, batches.get(31).length);
        assertTrue(Batches.inOrder(0, 5).isEmpty());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Batches.inOrder(10, 0));
        assertThrows(IllegalArgumentException.class, () -> Batches.shuffled(-1, 5, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Batches.shuffled(10, 5, 0, -1));
    }

    @Test
    void gatherCopiesRowsAndLabelsInIndexOrder() {
        Dataset d = new Dataset("t", 2, 3, new double[] {0, 1, 10, 11, 20, 21, 30, 31}, new int[] {0, 1, 2, 1});
        Batch b = Batches.gather(d, new int[] {3, 0, 2});
        assertEquals(3, b.size());
        assertArrayEquals(new double[] {30, 31, 0, 1, 20, 21}, b.x());
        assertArrayEquals(new int[] {1, 0, 2}, b.y());

        double[] x = new double[8];
        int[] y = new int[4];
        Arrays.fill(x, -1);
        Batches.gatherInto(d, new int[] {1}, x, y);
        assertArrayEquals(new double[] {10, 11, -1, -1, -1, -1, -1, -1}, x);
        assertEquals(1, y[0]);
        assertThrows(IllegalArgumentException.class, () -> Batches.gatherInto(d, new int[] {0, 1, 2}, new double[4], y));
    }

    private static void assertCoversOnce(int n, int batchSize, List<int[]> batches) {
        assertEquals((n + batchSize - 1) / batchSize, batches.size());
        boolean[] seen = new boolean[n];
        for (int b = 0; b < batches.size(); b++) {
            int[] batch = batches.get(b);
            int expected = b < batches.size() - 1 ? batchSize : n - (batches.size() - 1) * batchSize;
            assertEquals(expected, batch.length);
            for (int i : batch) {
                assertFalse(seen[i], "index " + i + " twice");
                seen[i] = true;
            }
        }
        for (int i = 0; i < n; i++) assertTrue(seen[i], "index " + i + " missing");
    }

    private static void assertEqualBatches(List<int[]> a, List<int[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i));
    }

    private static int[] flat(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }
}
