package org.infomorph.compiler.network;

/** The source classes of an infomorphic neuron, in PID order (R is always source 1). */
public enum SourceRole {
    /** feed-forward / receptive input */
    R,
    /** context input */
    C,
    /** lateral input */
    L
}
