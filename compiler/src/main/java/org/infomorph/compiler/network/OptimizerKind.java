package org.infomorph.compiler.network;

public enum OptimizerKind {
    ADAM
}
