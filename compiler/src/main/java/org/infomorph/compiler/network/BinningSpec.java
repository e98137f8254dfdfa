package org.infomorph.compiler.network;

/**
 * How each source's linear sum is binned (section 2 of the design notes).
 * {@link BinningKind#ADAPTIVE}: x / max_batch|x| per neuron into [-1, 1] (low/high are -1/1 when read
 * from a file and otherwise unused);
 * {@link BinningKind#FIXED}: raw x into [low, high].
 */
public record BinningSpec(BinningKind kind, int bins, double low, double high) {
    /** Adaptive binning; low/high are recorded as the normalised range [-1, 1]. */
    public static BinningSpec adaptive(int bins) {
        return new BinningSpec(BinningKind.ADAPTIVE, bins, -1, 1);
    }

    public static BinningSpec fixed(int bins, double low, double high) {
        return new BinningSpec(BinningKind.FIXED, bins, low, high);
    }
}
