package org.infomorph.compiler.train;

import java.util.stream.IntStream;

/**
 * Splits an index range into a few contiguous pieces and runs them on the common fork-join pool.
 * Each piece writes only its own outputs, so results never depend on the number of threads.
 */
final class Parallel {
    /** Pieces per range: more than the cores, so that a core slowed by other work does not hold up the rest. */
    private static final int PIECES = 8;

    private Parallel() {}

    interface Range {
        void run(int from, int to);
    }

    /** Runs {@code body} over {@code [0, n)} in pieces of at least {@code minPiece} indices. */
    static void forRange(int n, int minPiece, Range body) {
        int pieces = Math.max(1, Math.min(PIECES, n / Math.max(1, minPiece)));
        if (pieces == 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, pieces).parallel().forEach(p -> body.run((int) ((long) n * p / pieces), (int) ((long) n * (p + 1) / pieces)));
    }
}
