package org.infomorph.compiler.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Splits an index range into contiguous pieces and runs them on the calling thread and one
 * fork-join helper (of the caller's pool, else the common pool), each taking the next free piece
 * until none is left. Each piece writes only its own outputs, so results never depend on which
 * thread ran it or on the number of threads.
 *
 * <p>Pieces are claimed one at a time, not split in halves up front as a parallel stream does, and
 * the caller waits for pieces, not for the helper: on a machine shared with other work, a helper
 * that the OS puts to sleep holds up at most the one piece it took, and one that starts late finds
 * nothing left to do.
 */
public final class Parallel {
    /** Pieces per range: enough that the last one is a small share of the work. */
    private static final int PIECES = 16;

    private Parallel() {}

    public interface Range {
        void run(int from, int to);
    }

    /** Runs {@code body} over {@code [0, n)} in pieces of at least {@code minPiece} indices. */
    public static void forRange(int n, int minPiece, Range body) {
        int pieces = Math.max(1, Math.min(PIECES, n / Math.max(1, minPiece)));
        if (pieces == 1 || Runtime.getRuntime().availableProcessors() == 1) {
            body.run(0, n);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch left = new CountDownLatch(pieces);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable claim = () -> {
            for (int p; (p = next.getAndIncrement()) < pieces; ) {
                try {
                    if (failure.get() == null) body.run((int) ((long) n * p / pieces), (int) ((long) n * (p + 1) / pieces));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    left.countDown();
                }
            }
        };
        ForkJoinTask.adapt(claim).fork();
        claim.run();
        awaitUninterruptibly(left);
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
