package org.infomorph.compiler.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.RtlMemories;

/**
 * The structural features of a generator configuration that the calibrated logic model
 * ({@link LogicCalibration}) is linear in. Adding a feature is one constant here; the calibration
 * drops features that are constant or collinear over its configurations.
 */
public enum LogicFeature {
    /** lanes P */
    UNITS("units", p -> p.units()),
    /** 1 for a learning array (slopes, histogram, table engine) */
    LEARNING("learning", p -> p.learning() ? 1 : 0),
    /** P of a learning array: each lane's update datapath */
    LEARNING_UNITS("learningUnits", p -> p.learning() ? p.units() : 0),
    /** P of an array with stochastic spikes: each lane's PRNG */
    STOCHASTIC_UNITS("stochasticUnits", p -> p.stochasticSpikes() ? p.units() : 0),
    /** 1 when a layer may have 3 sources (the Schneider program, 3-source tables) */
    THREE_SOURCES("threeSources", p -> p.capacity().sources() == 3 ? 1 : 0),
    /** the sum of every datapath width of the architecture (what the shared logic grows with) */
    DATAPATH_BITS("datapathBits", p -> datapathBits(p.arch().numerics())),
    /** units times the datapath widths (what the per-unit logic grows with) */
    UNIT_DATAPATH_BITS("unitDatapathBits", p -> (double) p.units() * datapathBits(p.arch().numerics())),
    /** the address bits of every memory instance (what the controller's counters, the address adders and the read multiplexers grow with) */
    ADDRESS_BITS("addressBits", p -> RtlMemories.of(p).stream().mapToDouble(m -> m.count() * Capacity.bits(m.depth())).sum());

    public final String id;
    private final ToDoubleFunction<GeneratorParams> value;

    LogicFeature(String id, ToDoubleFunction<GeneratorParams> value) {
        this.id = id;
        this.value = value;
    }

    public double of(GeneratorParams p) {
        return value.applyAsDouble(p);
    }

    public static LogicFeature byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown logic feature " + id + " (known: " + ids() + ")"));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(f -> f.id).toList();
    }

    /** Every integer width of the LLU's datapath (input, weight, bias, accumulator, ..., gradient). */
    static int datapathBits(Numerics n) {
        return n.input().bits() + n.weightBits() + n.biasBits() + n.accumulatorBits() + n.activation().bits() + n.theta().bits() + n.slope().bits()
                + n.count().bits() + n.softSum().bits() + n.log2().bits() + n.q().bits() + n.coefficient().bits() + n.table().bits() + n.error().bits()
                + n.gradientBits();
    }
}
