package org.infomorph.compiler.network;

/** The activation A(r, c[, l]) whose sigmoid is theta; a closed set (section 1.2 of the design notes). */
public sealed interface ActivationSpec {
    /** How many sources the activation reads. */
    int arity();

    /** theta = sigma(r (k1 + (1-k1) 2 sigma(k2 r c))), clamped to [1e-6, 1-1e-6]. */
    record Graetz(double k1, double k2) implements ActivationSpec {
        public int arity() {
            return 2;
        }
    }

    /** theta = sigma(r (k1 + (1-k1) exp(k2 r c))). */
    record KayPhillips(double k1, double k2) implements ActivationSpec {
        public int arity() {
            return 2;
        }
    }

    /** theta = sigma(r [(1-c1-c2) + c1 sigma(w1 r c) + c2 sigma(w2 r l)]), no clamp. */
    record Schneider(double c1, double c2, double w1, double w2) implements ActivationSpec {
        public int arity() {
            return 3;
        }
    }
}
