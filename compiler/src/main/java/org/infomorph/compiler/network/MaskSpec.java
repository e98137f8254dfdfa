package org.infomorph.compiler.network;

/**
 * A fixed 0/1 connection mask. {@code partners} and {@code seed} matter only for {@link MaskKind#SPARSE}:
 * each neuron picks {@code partners} inputs uniformly among the others (never itself).
 */
public record MaskSpec(MaskKind kind, int partners, long seed) {
    public static MaskSpec dense() {
        return new MaskSpec(MaskKind.DENSE, 0, 0);
    }

    public static MaskSpec identity() {
        return new MaskSpec(MaskKind.IDENTITY, 0, 0);
    }

    /** 1 - I: every input but the neuron's own (lateral inputs). */
    public static MaskSpec noSelf() {
        return new MaskSpec(MaskKind.NO_SELF, 0, 0);
    }

    public static MaskSpec sparse(int partners, long seed) {
        return new MaskSpec(MaskKind.SPARSE, partners, seed);
    }
}
