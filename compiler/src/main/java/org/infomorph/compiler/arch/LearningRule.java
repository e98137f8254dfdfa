package org.infomorph.compiler.arch;

/**
 * The on-chip learning rule: plain SGD ascent on G with a power-of-two learning rate, applied
 * once per batch with stochastic rounding, optionally with momentum.
 *
 * @param table            previous-batch (single pass) or same-batch (two passes)
 * @param batchExp         the batch size is 2^batchExp (the 1/B of the gradient is a shift)
 * @param learningRateExp  learning rate 2^learningRateExp
 * @param momentumShift    0 for none; else velocity v = v - (v >> momentumShift) + update (decay 1 - 2^-shift)
 * @param initialRangeExp  binning range exponent of the first batch: bins cover [-2^e, 2^e]
 * @param minRangeExp      smallest range exponent the binning may adapt to
 * @param maxRangeExp      largest range exponent
 */
public record LearningRule(
        TableMode table, int batchExp, int learningRateExp, int momentumShift,
        int initialRangeExp, int minRangeExp, int maxRangeExp) {
    public static LearningRule defaults() {
        return new LearningRule(TableMode.PREVIOUS_BATCH, 8, 0, 0, 2, -6, 4);
    }

    public int batchSize() {
        return 1 << batchExp;
    }
}
