package org.infomorph.compiler.mapping;

/** What the compiled array must do: inference only, or inference and on-chip learning. */
public enum Mode {
    INFER,
    LEARN;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
