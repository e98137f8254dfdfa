package org.infomorph.runtime.array;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Counter;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.arch.Prng;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageChecks;
import org.infomorph.compiler.image.ImageSource;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.GeneratorParams;
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
            long e = arch.learning().initialRangeExp() & ((1 << RtlMemories.RANGE_EXP_BITS) - 1);
            java.util.Arrays.fill(ranges, e);
            port.write(REGION_RANGES, 0, 0, ranges);
        }
    }

    /** Every lane memory group's words: per layer and slot the PRNG state, then per source the bias and the weights. */
    private void writeLanes() {
        Numerics num = image.arch().numerics();
        int lb = num.weightBits(), lpw = params.lanesPerWord(), words = lastLaneWord();
        long laneMask = (1L << lb) - 1;
        for (int g = 0; g < params.laneGroups(); g++) {
            long[] packed = new long[words];
            for (int i = 0; i < lpw && g * lpw + i < units; i++) {
                long[] lane = laneWords(g * lpw + i, words);
                for (int w = 0; w < words; w++) packed[w] |= (lane[w] & laneMask) << (i * lb);
            }
            port.write(REGION_LANE, g, 0, packed);
        }
    }

    private int lastLaneWord() {
        RtlLayout.LayerPlace last = layout.layers().get(layout.layers().size() - 1);
        return last.laneBase() + last.slots() * last.slotWords();
    }

    /** One lane's words (weightBits each, as longs). */
    private long[] laneWords(int lane, int words) {
        ArchConfig arch = image.arch();
        Numerics num = arch.numerics();
        int lb = num.weightBits(), pw = RtlLayout.prngWords(arch), bw = RtlLayout.biasWords(arch);
        long[] out = new long[words];
        for (int li = 0; li < layout.layers().size(); li++) {
            RtlLayout.LayerPlace lp = layout.layers().get(li);
            for (int t = 0; t < lp.slots(); t++) {
                int j = t * units + lane;
                if (j >= lp.neurons()) continue;
                int base = lp.laneBase() + t * lp.slotWords();
                split(Prng.neuronSeed(image.seed(), li, j) & 0xFFFFFFFFL, lb, pw, out, base);
                for (int k = 0; k < lp.sources(); k++) {
                    RtlLayout.SourcePlace sp = lp.src().get(k);
                    ImageSource src = image.layers().get(li).sources().get(k);
                    split(src.b()[j], lb, bw, out, base + sp.laneOffset());
                    for (int i = 0; i < sp.size(); i++) {
                        int w = src.w()[j * sp.size() + i];
                        if (w == num.maskedCode())
                            throw new InvalidInputException("layer " + image.network().layers().get(li).name() + " source " + k + " weight ["
                                    + j + "][" + i + "] = " + w + " is the LLU array's masked code; weights are in -" + num.weightMax() + ".."
                                    + num.weightMax() + ": quantise again");
                        out[base + sp.laneOffset() + bw + i] = src.mask()[j * sp.size() + i] == 0 ? num.maskedCode() : w;
                    }
                }
            }
        }
        return out;
    }

    /** v as n words of lb bits, least significant first. */
    private static void split(long v, int lb, int n, long[] out, int at) {
        for (int i = 0; i < n; i++) out[at + i] = (v >> (i * lb)) & ((1L << lb) - 1);
    }

    /** n words of lb bits, least significant first, as a signed value of {@code bits} bits. */
    private static long join(long[] words, int at, int lb, int n, int bits) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = v << lb | (words[at + i] & ((1L << lb) - 1));
        return v << (64 - bits) >> (64 - bits);
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
        int lb = num.weightBits(), pw = RtlLayout.prngWords(arch), bw = RtlLayout.biasWords(arch), lpw = params.lanesPerWord();
        int words = lastLaneWord();
        long[][] lanes = new long[units][words];
        for (int g = 0; g < params.laneGroups(); g++) {
            long[] packed = port.read(REGION_LANE, g, 0, words);
            for (int i = 0; i < lpw && g * lpw + i < units; i++)
                for (int w = 0; w < words; w++) lanes[g * lpw + i][w] = (packed[w] >>> (i * lb)) & ((1L << lb) - 1);
        }
        List<DeviceState.LayerState> out = new ArrayList<>();
        for (int li = 0; li < layout.layers().size(); li++) {
            RtlLayout.LayerPlace lp = layout.layers().get(li);
            int n = lp.neurons(), s = lp.sources(), cells = lp.cells(), slotsP = lp.slots() * units;
            List<int[]> ws = new ArrayList<>(), bs = new ArrayList<>(), gs = new ArrayList<>();
            for (int k = 0; k < s; k++) {
                ws.add(new int[n * lp.src().get(k).size()]);
                bs.add(new int[n]);
                gs.add(new int[n * lp.src().get(k).size() + n]); // PER_SAMPLE keeps no gradients: zeros, as the model
            }
            int[] prng = new int[n];
            for (int j = 0; j < n; j++) {
                long[] lane = lanes[j % units];
                int base = lp.laneBase() + (j / units) * lp.slotWords();
                prng[j] = (int) join(lane, base, lb, pw, 32);
                for (int k = 0; k < s; k++) {
                    RtlLayout.SourcePlace sp = lp.src().get(k);
                    bs.get(k)[j] = (int) join(lane, base + sp.laneOffset(), lb, bw, num.biasBits());
                    for (int i = 0; i < sp.size(); i++) {
                        int w = (int) join(lane, base + sp.laneOffset() + bw + i, lb, 1, lb);
                        ws.get(k)[j * sp.size() + i] = w == num.maskedCode() ? 0 : w;
                    }
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
                java.util.Arrays.fill(range, arch.learning().initialRangeExp());
            }
            assert slotsP >= n;
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
