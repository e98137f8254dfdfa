package org.infomorph.compiler.mapping;

/**
 * Where a logical array lives: on {@code memory} blocks, with {@code lanesPerWord} lanes packed
 * side by side in one physical word ({@code 0} when one lane spans {@code blocksWide} blocks),
 * in {@code groups} lane groups each {@code blocksWide} x {@code blocksDeep} blocks.
 * Word layout: lane {@code u} is group {@code u / lanesPerWord}, bit offset
 * {@code (u % lanesPerWord) * bits}; word {@code i} of a lane is at block row {@code i / blockDepth}, address {@code i % blockDepth}.
 */
public record Allocation(LogicalArray array, String memory, int blockWidth, int blockDepth, int lanesPerWord, int groups, int blocksWide,
        long blocksDeep) {
    public long blocks() {
        return groups * (long) blocksWide * blocksDeep;
    }

    public long capacityBits() {
        return blocks() * blockWidth * blockDepth;
    }
}
