package org.infomorph.compiler.mapping;

import java.util.List;

/**
 * A network placed on an LLU array: {@code units} physical LLUs, each layer's neurons dealt
 * round-robin (neuron j on unit j % units, slot j / units), and every logical array allocated
 * onto the target's memories.
 *
 * @param slots per layer, the neuron slots each unit time-multiplexes: ceil(neurons / units)
 */
public record Mapping(String target, Mode mode, int units, List<Integer> slots, List<Allocation> allocations) {
    public Mapping {
        slots = List.copyOf(slots);
        allocations = List.copyOf(allocations);
    }

    public int unitOf(int neuron) {
        return neuron % units;
    }

    public int slotOf(int neuron) {
        return neuron / units;
    }
}
