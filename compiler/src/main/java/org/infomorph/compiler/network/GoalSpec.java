package org.infomorph.compiler.network;

/**
 * A goal vector gamma in the atom order of the design notes (section 3.2), H_res last:
 * 5 entries for 2 sources, 19 for 3. {@code name} is the registry name it came from, or null.
 */
public record GoalSpec(String name, double[] gamma) {
    public GoalSpec {
        gamma = gamma.clone();
    }

    @Override
    public double[] gamma() {
        return gamma.clone();
    }

    public int sourceCount() {
        return gamma.length == 5 ? 2 : 3;
    }
}
