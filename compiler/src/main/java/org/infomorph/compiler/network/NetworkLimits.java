package org.infomorph.compiler.network;

/**
 * The largest values a network description may give (docs/network-format.md, "Limits"). They keep
 * every size and index of the toolchain inside {@code int} and every resource sum inside
 * {@code long}, so an absurd file is refused at reading, with its path, before anything is sized
 * from it; whether a network within them fits the memory of this machine or of a target is then
 * the fit check's question.
 */
public final class NetworkLimits {
    public static final int MAX_FEATURES = 1 << 20;
    public static final int MAX_CLASSES = 1 << 16;
    public static final int MAX_NEURONS = 1 << 16;
    public static final int MAX_LAYERS = 64;
    /** Weights of all sources of all layers (neurons x size summed). */
    public static final long MAX_SYNAPSES = 1L << 26;
    /** Float binning: bins per source, and bins^sources (the cells of one neuron's histogram). */
    public static final int MAX_BINS = 1024, MAX_CELLS = 1 << 24;
    public static final int MAX_BATCH = 1 << 16;
    public static final int MAX_EPOCHS = 1_000_000;
    /** Adam's learning rate and weight decay. */
    public static final double MAX_LR = 10, MAX_WEIGHT_DECAY = 1;
    /** |value| of activation parameters, goal entries and output values. */
    public static final double MAX_PARAMETER = 1000;
    /** |low|, |high| of a fixed binning range. */
    public static final double MAX_RANGE = 1e9;

    private NetworkLimits() {}
}
