package org.infomorph.compiler.train;

import org.infomorph.compiler.network.OptimizerSpec;

/**
 * Adam with coupled L2 weight decay, as torch.optim.Adam: g += wd * p before the moments, then
 * p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps).
 */
final class Adam {
    private final OptimizerSpec spec;
    private final double[] m, v;
    private int t;

    Adam(OptimizerSpec spec, int size) {
        this.spec = spec;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One step on {@code p} with loss gradient {@code g} (already masked); g is not modified. */
    void step(double[] p, double[] g) {
        step(p, g, 1.0);
    }

    /** One step that maximises: the loss gradient is {@code -g}. */
    void ascend(double[] p, double[] g) {
        step(p, g, -1.0);
    }

    private void step(double[] p, double[] g, double sign) {
        t++;
        double b1 = spec.beta1(), b2 = spec.beta2(), wd = spec.weightDecay(), eps = spec.eps();
        double stepSize = spec.lr() / (1 - Math.pow(b1, t));
        double sqrtBc2 = Math.sqrt(1 - Math.pow(b2, t));
        for (int i = 0; i < p.length; i++) {
            double gi = sign * g[i] + wd * p[i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            p[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / sqrtBc2 + eps);
        }
    }
}
