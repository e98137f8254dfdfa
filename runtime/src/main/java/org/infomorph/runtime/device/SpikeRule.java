package org.infomorph.runtime.device;

/** How hidden neurons spike in inference. */
public enum SpikeRule {
    /** +1 iff the PRNG draw is below theta */
    STOCHASTIC,
    /** +1 iff theta > 1/2 */
    DETERMINISTIC
}
