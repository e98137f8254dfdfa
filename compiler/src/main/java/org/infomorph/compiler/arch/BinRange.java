package org.infomorph.compiler.arch;

/**
 * The binning range of one layer kind (docs/llu-rule.md section 3): a neuron's bins cover
 * [-2^e, 2^e], with e = initialExp for the first batch and then ceil(log2 max|u|) of the
 * previous batch, clamped to [minExp, maxExp]. minExp == maxExp fixes the range.
 */
public record BinRange(int initialExp, int minExp, int maxExp) {}
