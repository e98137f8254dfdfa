package org.infomorph.compiler.arch;

/**
 * The architecture configuration of one LLU array: the single source of every width, binary
 * point, rounding, LUT size, generator and learning-rule option. The Java reference model (L2),
 * the float twin (L1), the compiler and the Chisel generator all read it (as JSON, {@link ArchConfigJson}).
 * Variants are {@code with...} edits of {@link #defaults()}.
 *
 * @param bins number of bins per source (a power of two)
 */
public record ArchConfig(Numerics numerics, int bins, Luts luts, Prng prng, LearningRule learning) {
    public static final String FORMAT = "infomorph-arch/1";

    public static ArchConfig defaults() {
        return new ArchConfig(Numerics.defaults(), 8, Luts.defaults(), Prng.defaults(), LearningRule.defaults());
    }

    public int binsExp() {
        return Integer.numberOfTrailingZeros(bins);
    }

    public ArchConfig withLearning(LearningRule l) {
        return new ArchConfig(numerics, bins, luts, prng, l);
    }

    public ArchConfig withNumerics(Numerics n) {
        return new ArchConfig(n, bins, luts, prng, learning);
    }

    public ArchConfig withBins(int b) {
        return new ArchConfig(numerics, b, luts, prng, learning);
    }

    public ArchConfig withLuts(Luts l) {
        return new ArchConfig(numerics, bins, l, prng, learning);
    }
}
