package org.infomorph.compiler.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * A goal vector gamma in the atom order of the design notes (section 3.2), H_res last:
 * 5 entries for 2 sources, 19 for 3. {@code name} is the registry name it came from, or null.
 *
 * <p>Equality compares the name and the gamma values (not array identity).
 */
public record GoalSpec(String name, double[] gamma) {
    public GoalSpec {
        if (gamma.length != 5 && gamma.length != 19)
            throw new IllegalArgumentException("gamma has " + gamma.length + " entries; a goal has 5 (2 sources) or 19 (3 sources)");
        for (double g : gamma)
            if (!Double.isFinite(g)) throw new IllegalArgumentException("gamma entry " + g + " is not finite");
        gamma = gamma.clone();
    }

    @Override
    public double[] gamma() {
        return gamma.clone();
    }

    public int sourceCount() {
        return gamma.length == 5 ? 2 : 3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoalSpec g && Objects.equals(name, g.name) && Arrays.equals(gamma, g.gamma);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(name) + Arrays.hashCode(gamma);
    }

    @Override
    public String toString() {
        return "GoalSpec[name=" + name + ", gamma=" + Arrays.toString(gamma) + "]";
    }
}
