package org.infomorph.runtime.reference;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchTables;
import org.infomorph.compiler.arch.LayerConstants;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageChecks;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.SourceSpec;
import org.infomorph.runtime.device.BatchResult;
import org.infomorph.runtime.device.Device;
import org.infomorph.runtime.device.DeviceState;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;

/**
 * The bit-exact integer model (ladder level L2, "fixed"): the specification of the LLU, following
 * docs/llu-rule.md. Layers run in file order at every step (as L0); a layer runs at an early
 * step only if a {@code previous:} source reads it or it feeds such a layer. Spike draws per
 * neuron are in sample order, then step order.
 */
public final class ReferenceDevice implements Device {
    private NetworkSpec net;
    private NeuronLayer[] layers;
    private int[][] wiring; // [layer][source] -> -1 input, -2 label, i = layer:i, -(3+i) = previous:i
    private boolean[] neededEarly;
    private int batchSize;
    private org.infomorph.compiler.arch.ArchConfig arch;
    private int inFrac;
    private final SaturationCounters sat = new SaturationCounters();
    /** Per-sample learning may run in vector lanes ({@link NeuronLanes}; same bits). */
    private final boolean lanes;

    public ReferenceDevice() {
        this(NeuronLayer.LANES);
    }

    /** {@code lanes = false}: the scalar path only (tests compare the two). */
    ReferenceDevice(boolean lanes) {
        this.lanes = lanes && NeuronLayer.LANES;
    }

    @Override
    public String level() {
        return "fixed";
    }

    @Override
    public void load(Image image) {
        ImageChecks.check(image);
        net = image.network();
        ArchTables tables = ArchTables.of(image.arch());
        int count = net.layers().size();
        layers = new NeuronLayer[count];
        wiring = new int[count][];
        for (int i = 0; i < count; i++) {
            LayerSpec spec = net.layers().get(i);
            layers[i] = new NeuronLayer(i, spec, image.layers().get(i), image.arch(), tables, LayerConstants.of(image.arch(), spec), image.seed());
            wiring[i] = spec.sources().stream().mapToInt(s -> wire(s)).toArray();
            for (int k = 0; k < wiring[i].length; k++) layers[i].stepInvariant[k] = wiring[i][k] == -1 || wiring[i][k] == -2;
        }
        neededEarly = new boolean[count];
        for (int[] ws : wiring) for (int w : ws) if (w <= -3) neededEarly[-3 - w] = true;
        for (int i = count - 1; i >= 0; i--) if (neededEarly[i]) for (int w : wiring[i]) if (w >= 0) neededEarly[w] = true;
        arch = image.arch();
        batchSize = arch.learning().batchSize();
        inFrac = image.arch().numerics().input().frac();
        for (int id = 0; id <= SaturationCounters.SAMPLES; id++) sat.add(id, -sat.get(id));
    }

    private int wire(SourceSpec s) {
        if (s.from().equals(SourceSpec.INPUT)) return -1;
        if (s.from().equals(SourceSpec.LABEL)) return -2;
        int idx = net.layerIndex(s.fromLayer());
        return s.fromPrevious() ? -3 - idx : idx;
    }

    @Override
    public BatchResult infer(InputBatch batch, SpikeRule spikes) {
        BatchResult r = run(batch, false, spikes, false);
        sat.event(SaturationCounters.BATCHES_INFER);
        return r;
    }

    @Override
    public BatchResult learn(InputBatch batch) {
        if (batch.batch() != batchSize)
            throw new InvalidInputException("learn: a batch must hold exactly 2^learning.batchExp = " + batchSize + " samples, got " + batch.batch());
        if (batch.labels() == null) throw new InvalidInputException("learn: the batch has no labels");
        BatchResult r;
        if (arch.learning().perSample()) {
            requireUpdateWindow();
            r = learnPerSample(batch);
            for (NeuronLayer l : layers) SampleUpdate.boundary(l, sat);
        } else {
            r = run(batch, true, SpikeRule.STOCHASTIC, false);
            for (NeuronLayer l : layers) LayerBoundary.run(l, batch.batch(), sat);
        }
        sat.event(SaturationCounters.BATCHES_LEARN);
        return r;
    }

    /**
     * Sample by sample: the forward pass of all steps, and each layer's update (docs/llu-rule.md
     * section 6), which {@link #run} applies neuron by neuron right after the layer's last step.
     */
    private BatchResult learnPerSample(InputBatch batch) {
        int size = batch.batch(), f = batch.features(), classes = net.classes();
        int[] theta = new int[size * classes];
        List<int[]> spikes = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) spikes.add(i == layers.length - 1 ? null : new int[size * layers[i].n]);
        for (NeuronLayer l : layers) l.beginLanes(lanes);
        for (int b = 0; b < size; b++) {
            int[] x = java.util.Arrays.copyOfRange(batch.x(), b * f, (b + 1) * f);
            BatchResult one = run(new InputBatch(1, f, x, new int[] {batch.labels()[b]}), true, SpikeRule.STOCHASTIC, true);
            System.arraycopy(one.outputTheta(), 0, theta, b * classes, classes);
            for (int i = 0; i < layers.length - 1; i++) System.arraycopy(one.spikes().get(i), 0, spikes.get(i), b * layers[i].n, layers[i].n);
        }
        for (NeuronLayer l : layers) l.endLanes();
        return new BatchResult(size, classes, theta, spikes);
    }

    /** Per-sample updates shift x by weightFrac - updateFracMin inside a multiplier operand: that must fit. */
    private void requireUpdateWindow() {
        int lo = arch.updateFracMin(), hi = lo + arch.updateFracWindow();
        for (NeuronLayer l : layers)
            for (int k = 0; k < l.s; k++)
                if (!l.fixed[k] && (l.wf[k] < lo || l.wf[k] > hi))
                    throw new InvalidInputException("learn: layer " + l.name + " source " + k + " has weightFrac " + l.wf[k]
                            + ", outside " + lo + ".." + hi + " that per-sample learning supports with these widths; quantise it with weightFrac in that range"
                            + " or use learning.update=ACCUMULATE");
    }

    /** One pass over the batch, all steps; {@code updateNow}: a per-sample learning sample (batch of 1), updated in its last step. */
    private BatchResult run(InputBatch in, boolean learn, SpikeRule rule, boolean updateNow) {
        if (layers == null) throw new IllegalStateException("load an image first");
        if (in.features() != net.features())
            throw new InvalidInputException("batch has " + in.features() + " features, the network " + net.features());
        int batch = in.batch(), count = layers.length, steps = net.steps();
        int[] label = null;
        if (in.labels() != null) {
            label = new int[batch * net.classes()];
            for (int b = 0; b < batch; b++) {
                int y = in.labels()[b];
                if (y < 0 || y >= net.classes()) throw new InvalidInputException("label[" + b + "] = " + y + " is not a class");
                label[b * net.classes() + y] = 1 << inFrac;
            }
        }
        int[] perSample = new int[count];
        int[][][] drawn = new int[count][][];
        for (int i = 0; i < count; i++) {
            int k = 0;
            for (int step = 1; step <= steps; step++) {
                boolean last = step == steps;
                if ((last || neededEarly[i]) && !(last && i == count - 1)) k++;
            }
            perSample[i] = rule == SpikeRule.STOCHASTIC ? k : 0;
            drawn[i] = layers[i].drawSpikes(batch, perSample[i]);
        }
        int[] drawStep = new int[count];
        int[][] previous = new int[count][];
        int[][] current = null;
        int[] outTheta = null;
        for (int step = 1; step <= steps; step++) {
            boolean last = step == steps;
            current = new int[count][];
            for (int i = 0; i < count; i++) {
                if (!last && !neededEarly[i]) continue;
                NeuronLayer l = layers[i];
                int[][] inputs = new int[l.s][];
                for (int k = 0; k < l.s; k++) {
                    int w = wiring[i][k];
                    inputs[k] = w == -1 ? in.x() : w == -2 ? label : w >= 0 ? current[w] : previous[-3 - w];
                }
                boolean output = last && i == count - 1;
                int[] theta = new int[batch * l.n];
                int[] spikes = output ? null : new int[batch * l.n];
                boolean firstStep = step == 1 || !neededEarly[i];
                l.forward(inputs, batch, last, learn, rule, drawn[i], perSample[i], drawStep[i], theta, spikes, sat, firstStep,
                        updateNow && last);
                if (!output && rule == SpikeRule.STOCHASTIC) drawStep[i]++;
                if (output) outTheta = theta;
                else current[i] = spikes;
            }
            previous = current;
        }
        sat.add(SaturationCounters.SAMPLES, batch);
        List<int[]> spikesOut = new ArrayList<>();
        for (int i = 0; i < count; i++) spikesOut.add(i == count - 1 ? null : current[i]);
        return new BatchResult(batch, net.classes(), outTheta, spikesOut);
    }

    @Override
    public DeviceState readState() {
        List<DeviceState.LayerState> out = new ArrayList<>();
        for (NeuronLayer l : layers) out.add(l.state());
        return new DeviceState(out, sat.snapshot());
    }
}
