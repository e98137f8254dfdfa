package org.infomorph.runtime.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.infomorph.compiler.arch.Counter;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.fixed.Fixed;

/**
 * Saturation/overflow events per field, plus batch and sample counters. Thread-safe: neurons
 * running in parallel add to the same counters, and sums do not depend on the order.
 */
public final class SaturationCounters {
    public static final int ACTIVATION = Counter.ACTIVATION.id(), THETA_LUT = Counter.THETA_LUT.id(), SLOPE = Counter.SLOPE.id(),
            COUNT = Counter.COUNT.id(), SOFT_SUM = Counter.SOFT_SUM.id(), TABLE = Counter.TABLE.id(), ERROR = Counter.ERROR.id(),
            GRADIENT = Counter.GRADIENT.id(), WEIGHT = Counter.WEIGHT.id(), BIAS = Counter.BIAS.id(), Q = Counter.Q.id(),
            COEFFICIENT = Counter.COEFFICIENT.id(), MOMENTUM = Counter.MOMENTUM.id(), BATCHES_LEARN = Counter.BATCHES_LEARN.id(),
            BATCHES_INFER = Counter.BATCHES_INFER.id(), SAMPLES = Counter.SAMPLES.id();
    private static final String[] NAMES = java.util.Arrays.stream(Counter.values()).map(Counter::label).toArray(String[]::new);
    /** LongAdders, not one atomic array: events are frequent (theta LUT saturations), and both cores adding to one cache line stalled them */
    private final LongAdder[] counts = java.util.stream.Stream.generate(LongAdder::new).limit(NAMES.length).toArray(LongAdder[]::new);

    public void add(int id, long n) {
        counts[id].add(n);
    }

    public void event(int id) {
        counts[id].increment();
    }

    /** v clamped to [min, max] ({@link Fixed#clamp}), counting an event for {@code id} when it clamps. */
    public long saturate(long v, long min, long max, int id) {
        long out = Fixed.clamp(v, min, max);
        if (out != v) event(id);
        return out;
    }

    /** v clamped to the field's range, counting an event for {@code id} when it clamps. */
    public int saturate(long v, Field f, int id) {
        return (int) saturate(v, f.min(), f.max(), id);
    }

    public long get(int id) {
        return counts[id].sum();
    }

    /** The counter names, in id order. */
    public static java.util.List<String> names() {
        return java.util.List.of(NAMES);
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.length; i++) out.put(NAMES[i], counts[i].sum());
        return out;
    }
}
