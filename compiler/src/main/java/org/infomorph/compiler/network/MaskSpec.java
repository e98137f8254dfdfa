package org.infomorph.compiler.network;

/**
 * A fixed 0/1 connection mask. {@code partners} and {@code seed} matter only for {@link MaskKind#SPARSE}:
 * each neuron picks {@code partners} inputs uniformly among the others (never itself).
 */
public record MaskSpec(MaskKind kind, int partners, long seed) {
    public static MaskSpec dense() {
        return new MaskSpec(MaskKind.DENSE, 0, 0);
    }
}
