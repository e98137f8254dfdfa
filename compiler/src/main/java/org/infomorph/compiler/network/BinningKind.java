package org.infomorph.compiler.network;

public enum BinningKind {
    ADAPTIVE,
    FIXED
}
