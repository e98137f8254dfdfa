package org.infomorph.compiler.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.TrainedNetwork;

/**
 * A network being trained or evaluated in float64 (ladder level L0). {@link #forward} runs the
 * recurrent steps of section 4.5 of the design notes; {@link #learn} applies the local learning
 * rule of every layer to the last step of a forward pass.
 */
public final class InfomorphicNetwork {
    private final NetworkSpec spec;
    private final LayerState[] layers;
    private final SourceInput[][] wiring;
    /** layers that must run at steps before the last: read via previous:, or feeding such a layer */
    private final boolean[] neededEarly;
    /** Activations per parallel piece: small pieces do not pay for their task. */
    private static final int ACTIVATION_PIECE = 4096;

    public InfomorphicNetwork(TrainedNetwork net) {
        this(net, Double.POSITIVE_INFINITY);
    }

    /** @param slopeCutoff |A| from which the slopes are 0 (the hardware rule's sigmoid LUT range) */
    public InfomorphicNetwork(TrainedNetwork net, double slopeCutoff) {
        this.spec = net.spec();
        List<LayerSpec> specs = spec.layers();
        layers = new LayerState[specs.size()];
        wiring = new SourceInput[specs.size()][];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = new LayerState(specs.get(i), net.layers().get(i), slopeCutoff);
            wiring[i] = specs.get(i).sources().stream().map(s -> SourceInput.parse(s.from(), spec::layerIndex)).toArray(SourceInput[]::new);
        }
        neededEarly = new boolean[layers.length];
        for (SourceInput[] ws : wiring)
            for (SourceInput in : ws) if (in.kind() == SourceInput.Kind.PREVIOUS) neededEarly[in.layer()] = true;
        for (int i = layers.length - 1; i >= 0; i--)
            if (neededEarly[i]) for (SourceInput in : wiring[i]) if (in.kind() == SourceInput.Kind.LAYER) neededEarly[in.layer()] = true;
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Result of a forward pass: the output layer's theta (B x classes) and each layer's last-step pass. */
    public record Forward(int batch, double[] outputTheta, List<LayerPass> passes) {}

    /**
     * Runs all steps on a batch. {@code labels} null means evaluation: label sources read zeros.
     * Hidden spikes follow {@code mode}; the last layer at the last step returns theta unsampled.
     */
    public Forward forward(double[] x, int[] labels, int batch, SpikeMode mode, SplittableRandom rng, boolean forLearning) {
        double[] oneHot = labels == null ? null : oneHot(labels, batch, spec.classes());
        double[][] previous = new double[layers.length][];
        LayerPass[] passes = new LayerPass[layers.length];
        double[] outTheta = null;
        for (int step = 1; step <= spec.steps(); step++) {
            boolean last = step == spec.steps();
            double[][] current = new double[layers.length][];
            for (int i = 0; i < layers.length; i++) {
                if (!last && !neededEarly[i]) continue;
                LayerState ls = layers[i];
                double[][] inputs = new double[ls.sourceCount()][];
                for (int s = 0; s < inputs.length; s++) {
                    SourceInput in = wiring[i][s];
                    inputs[s] = switch (in.kind()) {
                        case INPUT -> x;
                        case LABEL -> oneHot;
                        case LAYER -> current[in.layer()];
                        case PREVIOUS -> previous[in.layer()];
                    };
                }
                LayerPass pass = run(ls, inputs, batch, last && forLearning, passes[i]);
                passes[i] = pass;
                if (last && i == layers.length - 1) outTheta = pass.theta();
                else current[i] = spikes(ls, pass.theta(), mode, rng);
            }
            previous = current;
        }
        return new Forward(batch, outTheta, List.of(passes));
    }

    static LayerPass run(LayerState ls, double[][] inputs, int batch, boolean withSlopes) {
        return run(ls, inputs, batch, withSlopes, null);
    }

    /**
     * One layer on a batch. A source whose input is the very array {@code earlier} (the same layer's
     * pass at an earlier step of this forward, same weights) read keeps its sums instead of
     * recomputing them: with lateral steps, the feed-forward and context sums do not change.
     */
    private static LayerPass run(LayerState ls, double[][] inputs, int batch, boolean withSlopes, LayerPass earlier) {
        int n = ls.neurons, s = ls.sourceCount();
        double[][] sums = new double[s][];
        for (int k = 0; k < s; k++) {
            if (earlier != null && earlier.inputs()[k] == inputs[k]) {
                sums[k] = earlier.sums()[k];
                continue;
            }
            sums[k] = new double[batch * n];
            ls.linear[k].forward(inputs[k], batch, ls.w[k], ls.b[k], sums[k]);
        }
        double[] theta = new double[batch * n];
        double[][] slopes = withSlopes ? new double[s][batch * n] : null;
        double[] zero = null;
        double[] c = s > 1 ? sums[1] : (zero = new double[batch * n]);
        double[] l = s > 2 ? sums[2] : (zero != null ? zero : new double[batch * n]);
        double[] r = sums[0];
        Parallel.forRange(batch * n, ACTIVATION_PIECE, (from, to) -> ls.activation.applyRange(r, c, l, theta, slopes, from, to));
        return new LayerPass(batch, inputs, sums, theta, slopes);
    }

    private static double[] spikes(LayerState ls, double[] theta, SpikeMode mode, SplittableRandom rng) {
        double[] values = ls.spec.outputValues();
        double[] out = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            boolean on = mode == SpikeMode.STOCHASTIC ? rng.nextDouble() < theta[i] : theta[i] > 0.5;
            out[i] = on ? values[1] : values[0];
        }
        return out;
    }

    private static double[] oneHot(int[] labels, int batch, int classes) {
        double[] out = new double[batch * classes];
        for (int b = 0; b < batch; b++) out[b * classes + labels[b]] = 1.0;
        return out;
    }

    /** Resets fixed-to-mask sources (the output layer's identity label context) before a training batch. */
    public void beginTrainingBatch() {
        for (LayerState ls : layers) ls.resetMaskedSources();
    }

    /**
     * One learning step of every layer on the last step of {@code fwd} (which must have been run
     * with {@code forLearning}). Returns, per layer, the mean PID atoms over neurons (gamma order,
     * H_res last) when {@code wantAtoms}, else nulls.
     */
    public List<double[]> learn(Forward fwd, boolean wantAtoms) {
        List<double[]> atoms = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) atoms.add(LocalRule.step(layers[i], fwd.passes().get(i), wantAtoms));
        return atoms;
    }

    /**
     * Each neuron's PID atoms (bits, gamma order, H_res last) on the last step of {@code fwd} (run
     * with {@code forLearning}), without learning: per layer, neuron by atom.
     */
    public List<double[][]> atomsPerNeuron(Forward fwd) {
        List<double[][]> atoms = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) atoms.add(LocalRule.goalGradient(layers[i], fwd.passes().get(i), true).atomsPerNeuron());
        return atoms;
    }

    /**
     * Throws, naming the layer, source and weight, if a weight or bias is NaN or infinite: training
     * diverged (in practice a learning rate too large for the network), and nothing learned from
     * here on would mean anything.
     */
    public void requireFinite(int epoch, int batch) {
        for (int i = 0; i < layers.length; i++) {
            LayerState ls = layers[i];
            for (int k = 0; k < ls.sourceCount(); k++) {
                String at = "layers[" + i + "] (" + ls.spec.name() + ") source " + ls.sources[k].role();
                for (int j = 0; j < ls.w[k].length; j++)
                    if (!Double.isFinite(ls.w[k][j])) throw diverged(at + " weight " + j, ls.w[k][j], epoch, batch, ls);
                for (int j = 0; j < ls.b[k].length; j++)
                    if (!Double.isFinite(ls.b[k][j])) throw diverged(at + " bias " + j, ls.b[k][j], epoch, batch, ls);
            }
        }
    }

    private static InvalidInputException diverged(String what, double v, int epoch, int batch, LayerState ls) {
        return new InvalidInputException("training diverged: " + what + " became " + v + " in epoch " + epoch + ", batch " + batch
                + "; lower that layer's optimizer.lr (" + ls.spec.optimizer().lr() + ") or the architecture's learningRateExp");
    }

    LayerState layer(int i) {
        return layers[i];
    }

    int layerCount() {
        return layers.length;
    }

    public TrainedNetwork snapshot() {
        List<org.infomorph.compiler.network.LayerWeights> out = new ArrayList<>();
        for (LayerState ls : layers) out.add(ls.snapshot());
        return new TrainedNetwork(spec, out);
    }
}
