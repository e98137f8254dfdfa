package org.infomorph.compiler.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void everyIndexRunsExactlyOnceWhateverThePieceSize() throws Exception {
        for (int n : new int[] {0, 1, 7, 16, 17, 1000})
            for (int minPiece : new int[] {1, 3, 64, 5000}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(n);
                Parallel.forRange(n, minPiece, (from, to) -> {
                    for (int i = from; i < to; i++) hits.incrementAndGet(i);
                });
                for (int i = 0; i < n; i++) assertEquals(1, hits.get(i), "n=" + n + " minPiece=" + minPiece + " index " + i);
            }
        ForkJoinPool one = new ForkJoinPool(1); // a caller that is the only worker of its pool does every piece itself
        try {
            AtomicIntegerArray hits = new AtomicIntegerArray(100);
            one.submit(() -> Parallel.forRange(100, 1, (from, to) -> {
                for (int i = from; i < to; i++) hits.incrementAndGet(i);
            })).get();
            for (int i = 0; i < 100; i++) assertEquals(1, hits.get(i));
        } finally {
            one.shutdown();
        }
    }

    @Test
    void aFailingPieceFailsTheCallAfterThePiecesInFlightEnd() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(64, 1, (from, to) -> {
            if (from >= 32) throw new IllegalStateException("piece at " + from);
        }));
        assertEquals(true, e.getMessage().startsWith("piece at "));
    }
}
