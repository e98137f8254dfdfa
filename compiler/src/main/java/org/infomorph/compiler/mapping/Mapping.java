package org.infomorph.compiler.mapping;

import java.util.List;
import org.infomorph.compiler.rtl.GeneratorParams;

/**
 * A network placed on an LLU array: the generator parameters of the array (P lanes, lanes per
 * lane-memory word, capacities, memory styles), each layer's neurons dealt round-robin (neuron j
 * on lane j % P, slot j / P), and every memory of the array allocated onto the target's memories.
 *
 * @param slots per layer, the neuron slots each lane time-multiplexes: ceil(neurons / P)
 */
public record Mapping(String target, Mode mode, GeneratorParams generator, List<Integer> slots, List<Allocation> allocations) {
    public Mapping {
        slots = List.copyOf(slots);
        allocations = List.copyOf(allocations);
    }

    public int units() {
        return generator.units();
    }

    public int unitOf(int neuron) {
        return neuron % units();
    }

    public int slotOf(int neuron) {
        return neuron / units();
    }
}
