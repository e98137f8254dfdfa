package org.infomorph.compiler.train;

import java.util.List;

/** One learning step of every layer on a forward pass: the published rule (L0) or the hardware rule (L1). */
interface LearningRuleStep {
    /** Returns per layer the mean atoms over neurons when {@code wantAtoms}; an empty list when the batch is skipped. */
    List<double[]> learn(InfomorphicNetwork net, InfomorphicNetwork.Forward fwd, boolean wantAtoms);

    /** The paper's rule: learns on every batch, partial ones included. */
    LearningRuleStep PAPER = (net, fwd, wantAtoms) -> net.learn(fwd, wantAtoms);
}
