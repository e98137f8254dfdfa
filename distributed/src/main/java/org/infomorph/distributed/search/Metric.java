package org.infomorph.distributed.search;

import org.infomorph.distributed.eval.EvalResult;

/** Which accuracy the search maximises. */
public enum Metric {
    /** argmax spikes, output polarity frozen from the training inputs: what hardware users run, and the less noisy one */
    deterministic,
    /** the published code's metric: stochastic spikes, per-batch polarity */
    reference;

    public double of(EvalResult r) {
        return this == deterministic ? r.deterministicAccuracy() : r.testAccuracy();
    }
}
