package org.infomorph.runtime.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Saturation/overflow events per field, plus batch and sample counters. Thread-safe: neurons
 * running in parallel add to the same counters, and sums do not depend on the order.
 */
public final class SaturationCounters {
    public static final int ACTIVATION = 0, THETA_LUT = 1, SLOPE = 2, COUNT = 3, SOFT_SUM = 4, TABLE = 5, ERROR = 6,
            GRADIENT = 7, WEIGHT = 8, BIAS = 9, Q = 10, COEFFICIENT = 11, MOMENTUM = 12,
            BATCHES_LEARN = 13, BATCHES_INFER = 14, SAMPLES = 15;
    private static final String[] NAMES = {
        "activation", "theta.lut", "slope", "count", "softSum", "table", "error",
        "gradient", "weight", "bias", "q", "coefficient", "momentum",
        "batches.learn", "batches.infer", "samples"};
    private final AtomicLongArray counts = new AtomicLongArray(NAMES.length);

    public void add(int id, long n) {
        counts.addAndGet(id, n);
    }

    public void event(int id) {
        counts.incrementAndGet(id);
    }

    public long get(int id) {
        return counts.get(id);
    }

    /** The counter names, in id order. */
    public static java.util.List<String> names() {
        return java.util.List.of(NAMES);
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.length; i++) out.put(NAMES[i], counts.get(i));
        return out;
    }
}
