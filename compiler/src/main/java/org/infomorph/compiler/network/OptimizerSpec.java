package org.infomorph.compiler.network;

/** Adam with coupled L2 weight decay (g += wd * w before the moments), as torch.optim.Adam. */
public record OptimizerSpec(OptimizerKind kind, double lr, double weightDecay, double beta1, double beta2, double eps) {
    public static OptimizerSpec adam(double lr, double weightDecay) {
        return new OptimizerSpec(OptimizerKind.ADAM, lr, weightDecay, 0.9, 0.999, 1e-8);
    }
}
