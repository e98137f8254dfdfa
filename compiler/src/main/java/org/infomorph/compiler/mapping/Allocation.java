package org.infomorph.compiler.mapping;

import org.infomorph.compiler.rtl.RtlMemories;

/**
 * Where one memory of the array lives: on the target's memory {@code memory} (a name of the
 * target descriptor, or "logic"), {@code blocks} of its blocks for all instances together (a
 * RAMB18E1 counts half a bram36), as yosys 0.23 maps it ({@link BlockMapping}).
 */
public record Allocation(RtlMemories.Memory array, String memory, double blocks) {
    public long bits() {
        return array.bits();
    }
}
