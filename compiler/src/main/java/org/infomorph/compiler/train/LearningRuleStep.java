package org.infomorph.compiler.train;

import java.util.List;
import java.util.SplittableRandom;
import org.infomorph.compiler.data.Batch;

/** One learning step of every layer on a training batch: the published rule (L0) or the hardware rule (L1). */
interface LearningRuleStep {
    /** Returns per layer the mean atoms over neurons when {@code wantAtoms}; an empty list when the batch is skipped. */
    List<double[]> learn(InfomorphicNetwork net, InfomorphicNetwork.Forward fwd, boolean wantAtoms);

    /** The output theta of a training batch (label as context) and the atoms of its learning step. */
    record Trained(double[] outputTheta, List<double[]> atoms) {}

    /** Runs the batch forward with its labels, then learns from that pass (a per-sample rule overrides this). */
    default Trained train(InfomorphicNetwork net, Batch b, SplittableRandom spikes, boolean wantAtoms) {
        InfomorphicNetwork.Forward fwd = net.forward(b.x(), b.y(), b.size(), SpikeMode.STOCHASTIC, spikes, true);
        return new Trained(fwd.outputTheta(), learn(net, fwd, wantAtoms));
    }

    /** The paper's rule: learns on every batch, partial ones included. */
    LearningRuleStep PAPER = (net, fwd, wantAtoms) -> net.learn(fwd, wantAtoms);
}
