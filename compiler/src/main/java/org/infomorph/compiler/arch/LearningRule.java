package org.infomorph.compiler.arch;

/**
 * The on-chip learning rule: plain SGD ascent on G with a power-of-two learning rate and
 * stochastic rounding, applied after every sample ({@link UpdateMode#PER_SAMPLE}, the hardware's
 * rule) or once per batch from gradient accumulators ({@link UpdateMode#ACCUMULATE}, optionally
 * with momentum).
 *
 * @param table            previous-batch (single pass) or same-batch (two passes, ACCUMULATE only)
 * @param update           per sample (no gradient memory) or accumulated per batch
 * @param batchExp         the batch size is 2^batchExp (the 1/B of the gradient is a shift)
 * @param learningRateExp  learning rate 2^learningRateExp
 * @param momentumShift    0 for none; else velocity v = v - (v >> momentumShift) + update (ACCUMULATE only)
 * @param ranges           the binning range per layer kind
 */
public record LearningRule(
        TableMode table, UpdateMode update, int batchExp, int learningRateExp, int momentumShift,
        BinRanges ranges) {
    public static LearningRule defaults() {
        return new LearningRule(TableMode.PREVIOUS_BATCH, UpdateMode.PER_SAMPLE, 8, 0, 0, BinRanges.defaults());
    }

    /** The batch-accumulating rule of the given table mode and momentum, other fields unchanged. */
    public LearningRule accumulating(TableMode t, int momentum) {
        return new LearningRule(t, UpdateMode.ACCUMULATE, batchExp, learningRateExp, momentum, ranges);
    }

    public LearningRule withBatchExp(int e) {
        return new LearningRule(table, update, e, learningRateExp, momentumShift, ranges);
    }

    public LearningRule withLearningRateExp(int e) {
        return new LearningRule(table, update, batchExp, e, momentumShift, ranges);
    }

    public LearningRule withRanges(BinRanges r) {
        return new LearningRule(table, update, batchExp, learningRateExp, momentumShift, r);
    }

    public int batchSize() {
        return 1 << batchExp;
    }

    public boolean perSample() {
        return update == UpdateMode.PER_SAMPLE;
    }
}
