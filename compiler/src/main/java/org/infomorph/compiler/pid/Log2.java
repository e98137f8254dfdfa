package org.infomorph.compiler.pid;

/** Base-2 logarithms with the engine's zero-mass convention. */
final class Log2 {
    static final double INV_LN2 = 1.0 / Math.log(2.0);

    private Log2() {}

    static double of(double x) {
        return Math.log(x) * INV_LN2;
    }

    /**
     * {@code log2(a/b)}, or 0 when either mass is zero: this mirrors the reference code's 1e-7 guard,
     * which replaces the log of a cell without target-joint mass by 0 and so cuts its gradient.
     */
    static double ratio(double a, double b) {
        return a > 0 && b > 0 ? Math.log(a / b) * INV_LN2 : 0.0;
    }
}
