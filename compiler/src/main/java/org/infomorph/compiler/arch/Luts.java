package org.infomorph.compiler.arch;

/**
 * Lookup-table sizes.
 *
 * @param sigmoidEntries     entries of the sigmoid LUT (a power of two), covering A in
 *                           [-2^sigmoidRangeExp, 2^sigmoidRangeExp); outside it theta saturates and the slope is 0
 * @param sigmoidRangeExp    see above (3 covers [-8, 8))
 * @param log2MantissaEntries entries of the log2 mantissa-correction LUT with linear interpolation
 *                           (a power of two); 0 selects Mitchell's approximation log2(1+m) = m
 */
public record Luts(int sigmoidEntries, int sigmoidRangeExp, int log2MantissaEntries) {
    public static Luts defaults() {
        return new Luts(256, 3, 32);
    }
}
