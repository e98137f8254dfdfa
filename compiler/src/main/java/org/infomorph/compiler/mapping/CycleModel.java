package org.infomorph.compiler.mapping;

/**
 * Cycle costs of the LLU micro-architecture the schedule assumes (docs/llu-array.md). Each unit
 * has one multiplier: one multiply-accumulate per cycle, inputs broadcast to all units. The
 * constants are the pipeline stages the RTL issue must meet; measured cycles will be compared
 * with the schedule built from them.
 *
 * @param activateCycles   per neuron slot and step, after its sums: modulation and theta lookups, spike
 * @param layerFillCycles  per layer and step: pipeline fill and drain
 * @param histogramCycles  per neuron slot of a learning sample: bin, count and soft-sum read-modify-write
 * @param logCycles        one pipelined log2 (leading-one detector and mantissa LUT)
 * @param divideExtraCycles per division beyond q.frac (a radix-2 divider produces one quotient bit per cycle)
 * @param updateCycles     per parameter at the batch boundary: stochastic rounding and saturating add
 */
public record CycleModel(int activateCycles, int layerFillCycles, int histogramCycles, int logCycles, int divideExtraCycles, int updateCycles) {
    public static CycleModel defaults() {
        return new CycleModel(4, 8, 2, 1, 2, 1);
    }
}
