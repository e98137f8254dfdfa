package org.infomorph.runtime.reference;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs the indices of a short pass on the calling thread and one resident helper thread.
 * Per-sample learning runs two passes per sample, 50-100 us apart: a fork-join worker parks
 * between them and takes longer to wake than its piece takes to run, so two cores learned slower
 * than one. This helper instead waits spinning for {@link #SPIN_NANOS} after each pass, then parks.
 *
 * <p>The caller takes indices from the front, the helper from the back, one at a time, until they
 * meet. So an index (a layer's chunk of neurons) stays on the same core from pass to pass, with
 * its weights in that core's cache, and a helper that is busy (another caller's pass), asleep or
 * descheduled only makes a pass serial, never wrong or stuck. Each index writes only its own
 * outputs: results never depend on which thread ran it.
 */
final class ResidentHelper {
    /** How long the helper spins for the next pass: longer than the serial gaps between a sample's passes. */
    static final long SPIN_NANOS = 200_000;

    /** The helper thread's name (in thread dumps and profiles). */
    static final String THREAD_NAME = "infomorph-resident-helper";

    private static final ResidentHelper INSTANCE = new ResidentHelper();

    private volatile Pass current;
    private volatile boolean parked;
    private final Thread thread;

    private ResidentHelper() {
        thread = new Thread(this::serve, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code body} for 0..count-1, on this thread and the helper. */
    static void forEach(int count, IntConsumer body) {
        Pass p = new Pass(count, body);
        INSTANCE.offer(p);
        p.run(true);
        p.awaitDone();
        p.rethrow();
    }

    private void offer(Pass p) {
        current = p;
        // pairs with serve(): it sets parked before it reads current, so one of the two sees the other
        if (parked) LockSupport.unpark(thread);
    }

    private void serve() {
        Pass last = null;
        long idleSince = System.nanoTime();
        while (true) {
            Pass p = current;
            if (p != last) {
                last = p;
                p.run(false);
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                parked = true;
                if (current == last) LockSupport.park(this);
                parked = false;
                idleSince = System.nanoTime();
            }
        }
    }

    /** One pass: the unclaimed indices [front, back) packed in one long, the finished count and the first failure. */
    private static final class Pass {
        final int count;
        final IntConsumer body;
        final AtomicLong open;
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Pass(int count, IntConsumer body) {
            this.count = count;
            this.body = body;
            open = new AtomicLong(count);
        }

        /** Runs indices from the front (the caller) or the back (the helper) until none is left. */
        void run(boolean front) {
            for (int i; (i = take(front)) >= 0; ) {
                try {
                    if (failure == null) body.accept(i);
                } catch (Throwable t) {
                    if (failure == null) failure = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        /** The next index from one end, or -1 when the two ends have met. */
        private int take(boolean front) {
            while (true) {
                long o = open.get();
                int lo = (int) (o >>> 32), hi = (int) o;
                if (lo >= hi) return -1;
                long next = front ? (long) (lo + 1) << 32 | hi : (long) lo << 32 | (hi - 1);
                if (open.compareAndSet(o, next)) return front ? lo : hi - 1;
            }
        }

        /** Spins while the helper finishes its index; yields the core if that takes long (the helper may need it). */
        void awaitDone() {
            for (int spins = 0; done.get() < count; spins++) {
                if (spins < 10_000) Thread.onSpinWait();
                else Thread.yield();
            }
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            if (t != null) throw new IllegalStateException(t);
        }
    }
}
