package org.infomorph.compiler.network;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One infomorphic layer: N neurons with 2 (bivariate) or 3 (trivariate) source classes.
 *
 * @param sources     in PID order: R first, then C and/or L (at most one of each)
 * @param goal        gamma in the atom order of the design notes, H_res last (5 or 19 entries)
 * @param outputValues the discrete spike values for y=0 and y=1, normally [-1, +1]
 * @param bias        whether every source has a trainable bias
 *
 * <p>Equality compares {@code outputValues} by value (not array identity).
 */
public record LayerSpec(
        String name,
        int neurons,
        List<SourceSpec> sources,
        ActivationSpec activation,
        GoalSpec goal,
        BinningSpec binning,
        double[] outputValues,
        OptimizerSpec optimizer,
        boolean bias) {

    public LayerSpec {
        sources = List.copyOf(sources);
        outputValues = outputValues.clone();
    }

    /** This layer with another goal (same number of sources). */
    public LayerSpec withGoal(GoalSpec g) {
        if (g.sourceCount() != sourceCount())
            throw new IllegalArgumentException("goal " + g + " is for " + g.sourceCount() + " sources; layer " + name + " has " + sourceCount());
        return new LayerSpec(name, neurons, sources, activation, g, binning, outputValues, optimizer, bias);
    }

    /** 2 or 3: the number of PID sources. */
    public int sourceCount() {
        return sources.size();
    }

    public SourceSpec source(SourceRole role) {
        for (SourceSpec s : sources) if (s.role() == role) return s;
        return null;
    }

    @Override
    public double[] outputValues() {
        return outputValues.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerSpec l
                && name.equals(l.name)
                && neurons == l.neurons
                && sources.equals(l.sources)
                && activation.equals(l.activation)
                && goal.equals(l.goal)
                && binning.equals(l.binning)
                && Arrays.equals(outputValues, l.outputValues)
                && optimizer.equals(l.optimizer)
                && bias == l.bias;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, neurons, sources, activation, goal, binning, Arrays.hashCode(outputValues), optimizer, bias);
    }

    @Override
    public String toString() {
        return "LayerSpec[name=" + name + ", neurons=" + neurons + ", sources=" + sources + ", activation=" + activation
                + ", goal=" + goal + ", binning=" + binning + ", outputValues=" + Arrays.toString(outputValues)
                + ", optimizer=" + optimizer + ", bias=" + bias + "]";
    }
}
