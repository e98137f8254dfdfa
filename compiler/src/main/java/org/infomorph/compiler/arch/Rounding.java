package org.infomorph.compiler.arch;

/** How a right shift (or a float-to-integer conversion) drops bits. */
public enum Rounding {
    /** add half an LSB, then floor: round half up (towards +infinity) */
    HALF_UP,
    /** arithmetic shift: towards -infinity */
    FLOOR,
    /** add a uniform random number in [0, 1) LSB from the PRNG, then floor */
    STOCHASTIC
}
