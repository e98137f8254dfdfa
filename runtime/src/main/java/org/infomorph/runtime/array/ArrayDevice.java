package org.infomorph.runtime.array;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Counter;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageChecks;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.LaneImage;
import org.infomorph.compiler.rtl.RtlLayout;
import org.infomorph.compiler.rtl.RtlMemories;
import org.infomorph.runtime.device.BatchResult;
import org.infomorph.runtime.device.Device;
import org.infomorph.runtime.device.DeviceState;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;

import static org.infomorph.compiler.rtl.RtlContract.*;

/**
 * A {@link Device} on the LLU array, whatever carries its host port (docs/llu-rtl.md): it loads
 * an image through host-port commands, runs batches, and reads the complete state back in the
 * model's {@link DeviceState} layout, so the lockstep checker compares it with the reference model
 * field by field. Subclasses supply the transport ({@link #open}) and the build ({@link #params}).
 */
public abstract class ArrayDevice implements Device {
    protected final int units;
    private Capacity floor;
    private Image image;
    private RtlLayout layout;
    private GeneratorParams params;
    private ArrayPort port;
    private long batchesLearn, batchesInfer, samples;
    private long[] lastSampleCycles = new long[0];
    private long lastBoundaryCycles;

    protected ArrayDevice(int units) {
        if (units < 1) throw new InvalidInputException("units must be >= 1, got " + units);
        this.units = units;
    }

    /**
     * A transport to an array built for {@code p}, reset: a fresh one, or {@code current} (which
     * was opened for {@code previous}, may be null) reused.
     */
    protected abstract ArrayPort open(GeneratorParams p, ArrayPort current, GeneratorParams previous);

    /** The generator parameters of an image on this device: a learning simulation build of the layout's capacity, rounded. */
    protected GeneratorParams params(Image img, RtlLayout l) {
        Capacity c = l.capacity().rounded();
        return GeneratorParams.simulation(img.arch(), units, floor == null ? c : c.max(floor));
    }

    /** Builds at least this large, so that many small networks share one design. */
    protected void setCapacityFloor(Capacity c) {
        floor = c;
    }

    public int units() {
        return units;
    }

    public GeneratorParams params() {
        return params;
    }

    public RtlLayout layout() {
        return layout;
    }

    /** The transport in use (null before the first load). */
    protected ArrayPort port() {
        return port;
    }

    /** Cycles of each sample of the last batch. */
    public long[] sampleCycles() {
        return lastSampleCycles.clone();
    }

    /** Cycles of the last batch boundary. */
    public long boundaryCycles() {
        return lastBoundaryCycles;
    }

    @Override
    public void load(Image img) {
        ImageChecks.check(img);
        ArchConfig arch = img.arch();
        if (!arch.learning().perSample())
            throw new InvalidInputException("the LLU array runs learning.update=PER_SAMPLE; this image's architecture has " + arch.learning().update()
                    + " (an L1/L2 option): use the default learning rule");
        RtlLayout l = RtlLayout.of(img, units);
        GeneratorParams p = params(img, l);
        port = open(p, port, params);
        image = img;
        layout = l;
        params = p;
        batchesLearn = batchesInfer = samples = 0;
        port.write(REGION_CONFIG, 0, 0, l.config(img, p.capacity()));
        writeLanes();
        if (p.learning()) {
            int n = p.capacity().histWords();
            port.write(REGION_HIST, 0, 0, new long[n]);
            port.write(REGION_TABLE, 0, 0, new long[n]);
            long[] ranges = new long[p.capacity().rangeWords()];
            for (RtlLayout.LayerPlace lp : layout.layers()) {
                long e = arch.learning().ranges().of(lp.sources()).initialExp() & ((1 << RtlMemories.RANGE_EXP_BITS) - 1);
                java.util.Arrays.fill(ranges, lp.rangeBase(), lp.rangeBase() + lp.neurons() * lp.sources(), e);
            }
            port.write(REGION_RANGES, 0, 0, ranges);
        }
    }

    /** Every lane memory group's words (LaneImage). */
    private void writeLanes() {
        long[][] packed = LaneImage.pack(image, layout, params.lanesPerWord());
        for (int g = 0; g < packed.length; g++) port.write(REGION_LANE, g, 0, packed[g]);
    }

    @Override
    public BatchResult infer(InputBatch batch, SpikeRule spikes) {
        requireLoaded();
        if (spikes == SpikeRule.STOCHASTIC && !params.stochasticSpikes())
            throw new InvalidInputException("this array was built for deterministic spikes only; compile it with stochastic spikes");
        BatchResult r = run(batch, spikes == SpikeRule.STOCHASTIC ? RUN_STOCHASTIC : 0);
        batchesInfer++;
        return r;
    }

    @Override
    public BatchResult learn(InputBatch batch) {
        requireLoaded();
        if (!params.learning()) throw new InvalidInputException("this array was built for inference only; compile it in learn mode");
        int size = image.arch().learning().batchSize();
        if (batch.batch() != size)
            throw new InvalidInputException("learn: a batch must hold exactly 2^learning.batchExp = " + size + " samples, got " + batch.batch());
        if (batch.labels() == null) throw new InvalidInputException("learn: the batch has no labels");
        BatchResult r = run(batch, RUN_LEARN | RUN_STOCHASTIC);
        beforeBoundary();
        lastBoundaryCycles = port.command(OP_BOUNDARY, 0);
        afterBoundary();
        batchesLearn++;
        return r;
    }

    /** Hooks around a learning batch's boundary command (waveforms). */
    protected void beforeBoundary() {}

    protected void afterBoundary() {}

    private BatchResult run(InputBatch in, long arg) {
        if (in.features() != image.network().features())
            throw new InvalidInputException("batch has " + in.features() + " features, the network " + image.network().features());
        int classes = image.network().classes();
        if (in.labels() != null)
            for (int b = 0; b < in.batch(); b++)
                if (in.labels()[b] < 0 || in.labels()[b] >= classes) throw new InvalidInputException("label[" + b + "] = " + in.labels()[b] + " is not a class");
        int words = layout.outWords();
        long[] out = new long[in.batch() * words];
        lastSampleCycles = new long[in.batch()];
        runBatch(in, arg, words, out, lastSampleCycles);
        samples += in.batch();
        int one = 1 << image.arch().numerics().input().frac();
        int count = layout.layers().size();
        int[] theta = null;
        List<int[]> spikes = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            RtlLayout.LayerPlace lp = layout.layers().get(l);
            int n = lp.neurons();
            int[] v = new int[in.batch() * n];
            for (int b = 0; b < in.batch(); b++)
                for (int j = 0; j < n; j++) {
                    long word = out[b * words + lp.out() + j];
                    v[b * n + j] = l == count - 1 ? (int) word : word != 0 ? one : -one;
                }
            if (l == count - 1) {
                theta = v;
                spikes.add(null);
            } else spikes.add(v);
        }
        return new BatchResult(in.batch(), classes, theta, spikes);
    }

    /** The samples of a batch: the transport's batch loop; subclasses may run it sample by sample. */
    protected void runBatch(InputBatch in, long arg, int words, long[] out, long[] cycles) {
        port.runBatch(in.x(), in.features(), in.labels(), arg, 0, words, out, cycles);
    }

    /** The host's part of a sample, as {@link ArrayPort#runBatch} does it: the features to INPUT, the label (or -1) to LABEL. */
    protected void writeSample(InputBatch in, int b) {
        int f = in.features();
        long[] x = new long[f];
        for (int i = 0; i < f; i++) x[i] = in.x()[b * f + i];
        port.write(REGION_INPUT, 0, 0, x);
        port.write(REGION_CONFIG, 0, CFG_LABEL, new long[] {in.labels() == null ? -1 : in.labels()[b]});
    }

    private void requireLoaded() {
        if (port == null) throw new IllegalStateException("load an image first");
    }

    @Override
    public DeviceState readState() {
        requireLoaded();
        ArchConfig arch = image.arch();
        Numerics num = arch.numerics();
        int lb = num.weightBits(), lpw = params.lanesPerWord(), words = LaneImage.words(layout);
        long[][] lanes = new long[units][];
        for (int g = 0; g < params.laneGroups(); g++) {
            long[] packed = port.read(REGION_LANE, g, 0, words);
            for (int i = 0; i < lpw && g * lpw + i < units; i++) lanes[g * lpw + i] = LaneImage.unpack(packed, g * lpw + i, lpw, lb);
        }
        List<DeviceState.LayerState> out = new ArrayList<>();
        for (int li = 0; li < layout.layers().size(); li++) {
            RtlLayout.LayerPlace lp = layout.layers().get(li);
            int n = lp.neurons(), s = lp.sources(), cells = lp.cells();
            List<int[]> ws = new ArrayList<>(), bs = new ArrayList<>(), gs = new ArrayList<>();
            for (int k = 0; k < s; k++) {
                ws.add(new int[n * lp.src().get(k).size()]);
                bs.add(new int[n]);
                gs.add(new int[n * lp.src().get(k).size() + n]); // PER_SAMPLE keeps no gradients: zeros, as the model
            }
            int[] prng = new int[n];
            for (int j = 0; j < n; j++) {
                LaneImage.Neuron nn = LaneImage.neuron(arch, layout, li, j, lanes[j % units]);
                prng[j] = nn.prng();
                for (int k = 0; k < s; k++) {
                    bs.get(k)[j] = nn.bias()[k];
                    System.arraycopy(nn.weights()[k], 0, ws.get(k), j * nn.weights()[k].length, nn.weights()[k].length);
                }
            }
            int[] counts = new int[n * cells], soft = new int[n * cells], table = new int[n * cells], range = new int[n * s], maxAbs = new int[n * s];
            if (params.learning()) {
                long[] h = port.read(REGION_HIST, 0, lp.histBase(), n * cells);
                long[] tb = port.read(REGION_TABLE, 0, lp.histBase(), n * cells);
                long[] rg = port.read(REGION_RANGES, 0, lp.rangeBase(), n * s);
                int cb = num.count().bits(), rb = RtlMemories.RANGE_EXP_BITS;
                for (int i = 0; i < n * cells; i++) {
                    counts[i] = (int) (h[i] & ((1L << cb) - 1));
                    soft[i] = (int) (h[i] >>> cb);
                    table[i] = (int) tb[i];
                }
                for (int i = 0; i < n * s; i++) {
                    range[i] = (int) (rg[i] << (64 - rb) >> (64 - rb));
                    maxAbs[i] = (int) (rg[i] >>> rb);
                }
            } else {
                java.util.Arrays.fill(range, arch.learning().ranges().of(s).initialExp());
            }
            out.add(new DeviceState.LayerState(image.network().layers().get(li).name(), ws, bs, gs, counts, soft, table, range, maxAbs, prng));
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        long[] sat = port.read(REGION_STATUS, 0, STATUS_COUNTERS, Counter.MOMENTUM.id() + 1);
        for (Counter c : Counter.values()) {
            if (c.id() <= Counter.MOMENTUM.id()) counters.put(c.label(), sat[c.id()]);
        }
        counters.put(Counter.BATCHES_LEARN.label(), batchesLearn);
        counters.put(Counter.BATCHES_INFER.label(), batchesInfer);
        counters.put(Counter.SAMPLES.label(), samples);
        return new DeviceState(out, counters);
    }

    @Override
    public void close() {
        if (port != null) port.close();
        port = null;
    }

    /** Forgets the transport without closing it (a subclass that closed it itself). */
    protected void closeQuietly() {
        port = null;
    }
}
