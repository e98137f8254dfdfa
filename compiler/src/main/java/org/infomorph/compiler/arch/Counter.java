package org.infomorph.compiler.arch;

/**
 * The saturation and activity counters of the LLU (docs/llu-rule.md): one id per field that can
 * saturate, plus batch and sample counts. The ids are part of the hardware contract: the model,
 * the RTL's STATUS region and the host read the same numbers.
 */
public enum Counter {
    ACTIVATION("activation"), THETA_LUT("theta.lut"), SLOPE("slope"), COUNT("count"), SOFT_SUM("softSum"), TABLE("table"),
    ERROR("error"), GRADIENT("gradient"), WEIGHT("weight"), BIAS("bias"), Q("q"), COEFFICIENT("coefficient"), MOMENTUM("momentum"),
    BATCHES_LEARN("batches.learn"), BATCHES_INFER("batches.infer"), SAMPLES("samples");

    private final String label;

    Counter(String label) {
        this.label = label;
    }

    /** The name reports and JSON use. */
    public String label() {
        return label;
    }

    public int id() {
        return ordinal();
    }

    /**
     * The counters the LLU array counts in STATUS, in the order of its counter memory; the others
     * (GRADIENT and MOMENTUM belong to ACCUMULATE, which the array does not run) read 0 there.
     */
    public static java.util.List<Counter> inArray(boolean learning) {
        java.util.List<Counter> forward = java.util.List.of(ACTIVATION, COEFFICIENT, THETA_LUT);
        if (!learning) return forward;
        return java.util.List.of(ACTIVATION, COEFFICIENT, THETA_LUT, SLOPE, ERROR, COUNT, SOFT_SUM, WEIGHT, BIAS, TABLE, Q);
    }
}
