package org.infomorph.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every index runs exactly once, failures reach the caller, and concurrent callers never wait on each other for ever. */
class ResidentHelperTest {
    private static final String HELPER = ResidentHelper.THREAD_NAME;

    @Test
    void everyIndexRunsOnceAndTheHelperTakesPart() {
        java.util.Set<String> threads = ConcurrentHashMap.newKeySet();
        // at least 200 passes, and more (up to 10 s) until the helper has run an index: on a busy machine it may start late
        long t0 = System.nanoTime();
        for (int pass = 0; pass < 200 || !threads.contains(HELPER) && System.nanoTime() - t0 < 10e9; pass++) {
            int count = 1 + pass % 17;
            AtomicIntegerArray runs = new AtomicIntegerArray(count);
            ResidentHelper.forEach(count, i -> {
                runs.incrementAndGet(i);
                threads.add(Thread.currentThread().getName());
                spin(20_000);
            });
            int[] got = new int[count], once = new int[count];
            for (int i = 0; i < count; i++) got[i] = runs.get(i);
            java.util.Arrays.fill(once, 1);
            assertArrayEquals(once, got, "pass " + pass);
        }
        assertTrue(threads.contains(HELPER), "the helper ran no index in 10 s of passes: " + threads);
    }

    @Test
    void aFailureReachesTheCallerAndLaterPassesStillRun() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ResidentHelper.forEach(8, i -> {
                    if (i == 5) throw new IllegalStateException("index 5");
                }));
        assertEquals("index 5", e.getMessage());
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        ResidentHelper.forEach(8, runs::incrementAndGet);
        for (int i = 0; i < 8; i++) assertEquals(1, runs.get(i));
    }

    @Test
    void concurrentAndNestedCallersAllFinish() throws Exception {
        List<Thread> callers = new ArrayList<>();
        AtomicIntegerArray total = new AtomicIntegerArray(4);
        for (int t = 0; t < 4; t++) {
            int caller = t;
            Thread c = new Thread(() -> {
                for (int pass = 0; pass < 100; pass++)
                    ResidentHelper.forEach(6, i -> ResidentHelper.forEach(3, k -> total.incrementAndGet(caller)));
            });
            c.start();
            callers.add(c);
        }
        for (Thread c : callers) c.join(60_000);
        for (int t = 0; t < 4; t++) assertEquals(100 * 6 * 3, total.get(t), "caller " + t);
    }

    private static void spin(long nanos) {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < nanos) Thread.onSpinWait();
    }
}
