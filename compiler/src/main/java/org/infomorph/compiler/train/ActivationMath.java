package org.infomorph.compiler.train;

import org.infomorph.compiler.network.ActivationSpec;

/**
 * Forward value and slopes of an activation (section 1.2 of the design notes): for one sample and
 * neuron, theta = sigma(A(r, c, l)) and the slopes d theta / d(r, c, l) = theta (1 - theta) dA/d(.).
 * A Graetz theta clamped to [1e-6, 1-1e-6] has zero slope, as in the reference.
 *
 * <p>{@link #applyRange} runs the Graetz and Schneider forms on the Vector API when {@link Simd}
 * allows it ({@link VectorActivation}); the lanes use the very operations, in the same order, as
 * {@link #apply}, so both give the same bits.
 */
abstract class ActivationMath {
    static final double GRAETZ_CLAMP = 1e-6;
    /** |A| at or beyond which the slopes are 0: infinite for L0; the sigmoid LUT's range for L1/L2. */
    double slopeCutoff = Double.POSITIVE_INFINITY;

    /**
     * Writes theta into {@code theta[i]} and, when {@code slopes} is non-null, the slopes into
     * {@code slopes[s][i]} for each source s. {@code c} and {@code l} may be 0 when absent.
     */
    abstract void apply(double r, double c, double l, double[] theta, double[][] slopes, int i);

    /** {@link #apply} for every {@code i} in {@code [from, to)}, reading {@code r[i], c[i], l[i]}. */
    void applyRange(double[] r, double[] c, double[] l, double[] theta, double[][] slopes, int from, int to) {
        for (int i = from; i < to; i++) apply(r[i], c[i], l[i], theta, slopes, i);
    }

    static ActivationMath of(ActivationSpec spec, double slopeCutoff) {
        ActivationMath m = of(spec);
        m.slopeCutoff = slopeCutoff;
        return m;
    }

    static ActivationMath of(ActivationSpec spec) {
        if (spec instanceof ActivationSpec.Graetz g) return new Graetz(g.k1(), g.k2());
        if (spec instanceof ActivationSpec.KayPhillips k) return new KayPhillips(k.k1(), k.k2());
        if (spec instanceof ActivationSpec.Schneider s) return new Schneider(s.c1(), s.c2(), s.w1(), s.w2());
        throw new IllegalArgumentException("unknown activation " + spec);
    }

    /** theta = sigma(r (k1 + q sigma(k2 r c))) with q = 2 (1 - k1). */
    static final class Graetz extends ActivationMath {
        final double k1, k2, q, qk2;

        Graetz(double k1, double k2) {
            this.k1 = k1;
            this.k2 = k2;
            this.q = 2 * (1 - k1);
            this.qk2 = q * k2;
        }

        @Override
        void apply(double r, double c, double l, double[] theta, double[][] slopes, int i) {
            double sc = Sigmoid.of(k2 * r * c);
            double a = r * (k1 + q * sc);
            double t = Sigmoid.of(a);
            boolean clamped = t < GRAETZ_CLAMP || t > 1 - GRAETZ_CLAMP;
            theta[i] = Math.min(Math.max(t, GRAETZ_CLAMP), 1 - GRAETZ_CLAMP);
            if (slopes == null) return;
            double d = clamped || Math.abs(a) >= slopeCutoff ? 0.0 : t * (1 - t);
            double dsc = sc * (1 - sc);
            slopes[0][i] = d * (k1 + q * sc + qk2 * r * c * dsc);
            slopes[1][i] = d * (qk2 * r * r * dsc);
        }

        @Override
        void applyRange(double[] r, double[] c, double[] l, double[] theta, double[][] slopes, int from, int to) {
            int done = Simd.ENABLED ? VectorActivation.graetz(this, r, c, theta, slopes, from, to) : from;
            super.applyRange(r, c, l, theta, slopes, done, to);
        }
    }

    private static final class KayPhillips extends ActivationMath {
        private final double k1, k2;

        KayPhillips(double k1, double k2) {
            this.k1 = k1;
            this.k2 = k2;
        }

        @Override
        void apply(double r, double c, double l, double[] theta, double[][] slopes, int i) {
            double e = Math.exp(k2 * r * c);
            double a = r * (k1 + (1 - k1) * e);
            double t = Sigmoid.of(a);
            theta[i] = t;
            if (slopes == null) return;
            double d = Math.abs(a) >= slopeCutoff ? 0.0 : t * (1 - t);
            slopes[0][i] = d * (k1 + (1 - k1) * e * (1 + k2 * r * c));
            slopes[1][i] = d * ((1 - k1) * k2 * r * r * e);
        }
    }

    /** theta = sigma(r (c0 + c1 sigma(w1 r c) + c2 sigma(w2 r l))) with c0 = 1 - c1 - c2. */
    static final class Schneider extends ActivationMath {
        final double c0, c1, c2, w1, w2, c1w1, c2w2;

        Schneider(double c1, double c2, double w1, double w2) {
            this.c0 = 1 - c1 - c2;
            this.c1 = c1;
            this.c2 = c2;
            this.w1 = w1;
            this.w2 = w2;
            this.c1w1 = c1 * w1;
            this.c2w2 = c2 * w2;
        }

        @Override
        void apply(double r, double c, double l, double[] theta, double[][] slopes, int i) {
            double s1 = Sigmoid.of(w1 * r * c);
            double s2 = Sigmoid.of(w2 * r * l);
            double m = c0 + c1 * s1 + c2 * s2;
            double a = r * m;
            double t = Sigmoid.of(a);
            theta[i] = t;
            if (slopes == null) return;
            double d = Math.abs(a) >= slopeCutoff ? 0.0 : t * (1 - t);
            double ds1 = s1 * (1 - s1), ds2 = s2 * (1 - s2);
            slopes[0][i] = d * (m + r * (c1w1 * c * ds1 + c2w2 * l * ds2));
            slopes[1][i] = d * (c1w1 * r * r * ds1);
            slopes[2][i] = d * (c2w2 * r * r * ds2);
        }

        @Override
        void applyRange(double[] r, double[] c, double[] l, double[] theta, double[][] slopes, int from, int to) {
            int done = Simd.ENABLED ? VectorActivation.schneider(this, r, c, l, theta, slopes, from, to) : from;
            super.applyRange(r, c, l, theta, slopes, done, to);
        }
    }
}
