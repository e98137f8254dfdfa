package org.infomorph.compiler.train;

/** How hidden neurons turn theta into a spike. */
public enum SpikeMode {
    /** +1 with probability theta (the published rule, in training and evaluation) */
    STOCHASTIC,
    /** +1 iff theta > 0.5 (deterministic inference, as hardware users run it) */
    ARGMAX
}
