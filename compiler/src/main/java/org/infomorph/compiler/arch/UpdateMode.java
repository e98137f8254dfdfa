package org.infomorph.compiler.arch;

/** How the weight updates of a learning batch are applied (docs/llu-rule.md section 6). */
public enum UpdateMode {
    /**
     * After every learning sample, with stochastic rounding: no gradient memory. The rule the LLU
     * array implements (needs {@link TableMode#PREVIOUS_BATCH} and no momentum).
     */
    PER_SAMPLE,
    /** Per-weight gradient accumulators, one update per batch (optionally with momentum); L1 and L2 only. */
    ACCUMULATE
}
