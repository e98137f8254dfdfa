package org.infomorph.compiler.mapping;

/**
 * One array the LLU array stores: {@code lanes} independent lanes (one per unit for per-unit
 * state, 1 for shared state) of {@code depth} words of {@code bits} bits. A lane must deliver one
 * word per cycle to its unit.
 */
public record LogicalArray(String name, int lanes, long depth, int bits) {
    public long totalBits() {
        return (long) lanes * depth * bits;
    }
}
