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
    /**
     * Operand width of the LLU array's multipliers (signed, one iCE40 SB_MAC16): every product of
     * the rule has two operands of at most this many bits (docs/llu-rule.md).
     */
    public static final int MULTIPLIER_BITS = 16;

    public static ArchConfig defaults() {
        return new ArchConfig(Numerics.defaults(), 8, Luts.defaults(), Prng.defaults(), LearningRule.defaults());
    }

    public int binsExp() {
        return Integer.numberOfTrailingZeros(bins);
    }

    /**
     * The smallest weightFrac of a learned source: weightBits - 1 - weightHeadroomBits (the format
     * of a weight bound of 1 with the headroom). With {@link #updateFracWindow()} it bounds the
     * weightFrac a per-sample update supports (docs/llu-rule.md section 6).
     */
    public int updateFracMin() {
        return numerics.weightBits() - 1 - numerics.weightHeadroomBits();
    }

    /** How far above {@link #updateFracMin()} a learned source's weightFrac may be: the headroom of x in a multiplier operand. */
    public int updateFracWindow() {
        return MULTIPLIER_BITS - numerics.xBits();
    }

    /**
     * S, the per-sample update's shift: error.frac + input.frac + batchExp - learningRateExp -
     * updateFracMin. A weight moves by (e * (x << (weightFrac - updateFracMin)) + (d mod 2^S)) >> S.
     */
    public int updateShift() {
        Numerics n = numerics;
        return n.error().frac() + n.input().frac() + learning.batchExp() - learning.learningRateExp() - updateFracMin();
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
