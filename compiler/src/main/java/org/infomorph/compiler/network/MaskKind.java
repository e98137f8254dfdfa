package org.infomorph.compiler.network;

/** Closed set of connection masks. */
public enum MaskKind {
    DENSE,
    IDENTITY,
    NO_SELF,
    SPARSE
}
