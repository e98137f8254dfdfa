package org.infomorph.compiler.train;

final class Sigmoid {
    private Sigmoid() {}

    /** 1/(1+e^-u), without overflow for large |u|. */
    static double of(double u) {
        if (u >= 0) return 1.0 / (1.0 + Math.exp(-u));
        double e = Math.exp(u);
        return e / (1.0 + e);
    }
}
