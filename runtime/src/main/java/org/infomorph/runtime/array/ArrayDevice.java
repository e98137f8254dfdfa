package org.infomorph.runtime.array;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageChecks;
import org.infomorph.compiler.image.ImageSource;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.RtlLayout;
import org.infomorph.runtime.device.BatchResult;
import org.infomorph.runtime.device.Device;
import org.infomorph.runtime.device.DeviceState;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.reference.SaturationCounters;

import static org.infomorph.runtime.sim.SimRegions.*;

/**
 * A {@link Device} on the LLU array, whatever carries its host port (docs/llu-rtl.md): it loads
 * an image through host-port commands, runs batches, and reads the complete state back in the
 * model's {@link DeviceState} layout, so the lockstep checker compares it with the reference model
 * field by field. Subclasses supply the transport ({@link #open}).
 */
public abstract class ArrayDevice implements Device {
    /** The hardware counts the saturation events (ids up to MOMENTUM); the host counts batches and samples. */
    private static final List<String> COUNTERS = SaturationCounters.names().subList(0, SaturationCounters.MOMENTUM + 1);
    protected final int units;
    private Capacity floor;
    private Image image;
    private RtlLayout layout;
    private GeneratorParams params;
    private ArrayPort port;
    private long batchesLearn, batchesInfer, samples;
    private long[] lastSampleCycles = new long[0];
    private long lastBoundaryCycles;
    private long[] lastOut;

    protected ArrayDevice(int units) {
        if (units < 1) throw new InvalidInputException("units must be >= 1, got " + units);
        this.units = units;
    }

    /**
     * A transport to an array built for {@code p}, reset: a fresh one, or {@code current} (which
     * was opened for {@code previous}, may be null) reused.
     */
    protected abstract ArrayPort open(GeneratorParams p, ArrayPort current, GeneratorParams previous);

    /** The generator parameters of an image on this device (the fault switch is the subclass's). */
    protected GeneratorParams params(Image img, RtlLayout l) {
        return new GeneratorParams(img.arch(), units, floor == null ? l.capacity() : l.capacity().max(floor), -1);
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

    /** Cycles of the last batch boundary (every command of it). */
    public long boundaryCycles() {
        return lastBoundaryCycles;
    }

    @Override
    public void load(Image img) {
        ImageChecks.check(img);
        RtlLayout l = RtlLayout.of(img, units);
        GeneratorParams p = params(img, l);
        port = open(p, port, params);
        image = img;
        layout = l;
        params = p;
        batchesLearn = batchesInfer = samples = 0;
        port.write(CONFIG, 0, 0, l.config());
        ArchConfig arch = img.arch();
        int initialRange = arch.learning().initialRangeExp();
        for (int li = 0; li < l.layers().size(); li++) {
            RtlLayout.LayerPlace lp = l.layers().get(li);
            for (int u = 0; u < units; u++) {
                int[] js = neuronsOf(lp, u);
                for (int k = 0; k < lp.sources(); k++) {
                    RtlLayout.SourcePlace sp = lp.src().get(k);
                    ImageSource src = img.layers().get(li).sources().get(k);
                    long[] w = new long[lp.slots() * sp.size()], m = new long[w.length], b = new long[lp.slots()];
                    for (int t = 0; t < js.length; t++) {
                        int j = js[t];
                        for (int i = 0; i < sp.size(); i++) {
                            w[t * sp.size() + i] = src.w()[j * sp.size() + i];
                            m[t * sp.size() + i] = src.mask()[j * sp.size() + i];
                        }
                        b[t] = src.b()[j];
                    }
                    port.write(WEIGHT, u, sp.weightBase(), w);
                    port.write(MASK, u, sp.weightBase(), m);
                    port.write(BIAS, u, sp.biasBase(), b);
                    port.write(GRAD, u, sp.gradBase(), new long[lp.slots() * sp.size()]);
                    port.write(GRAD, u, sp.gradBiasBase(), new long[lp.slots()]);
                    if (arch.learning().momentumShift() > 0) {
                        port.write(GRAD, u, sp.velBase(), new long[lp.slots() * sp.size()]);
                        port.write(GRAD, u, sp.velBiasBase(), new long[lp.slots()]);
                    }
                }
                long[] seeds = new long[lp.slots()];
                for (int t = 0; t < js.length; t++) seeds[t] = org.infomorph.compiler.arch.Prng.neuronSeed(img.seed(), li, js[t]);
                port.write(PRNG, u, lp.prngBase(), seeds);
                long[] zeros = new long[lp.slots() * lp.cells()];
                port.write(COUNT, u, lp.histBase(), zeros);
                port.write(SOFTSUM, u, lp.histBase(), zeros);
                port.write(TABLE, u, lp.histBase(), zeros);
                long[] ranges = new long[lp.slots() * lp.sources()];
                Arrays.fill(ranges, initialRange);
                port.write(RANGE, u, lp.rangeBase(), ranges);
                port.write(MAXABS, u, lp.rangeBase(), new long[ranges.length]);
            }
        }
    }

    /** Neuron indices of unit u in slot order (the last slot may hold none). */
    private int[] neuronsOf(RtlLayout.LayerPlace lp, int u) {
        List<Integer> out = new ArrayList<>();
        for (int j = u; j < lp.neurons(); j += units) out.add(j);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public BatchResult infer(InputBatch batch, SpikeRule spikes) {
        BatchResult r = run(batch, spikes == SpikeRule.STOCHASTIC ? RUN_STOCHASTIC : 0);
        batchesInfer++;
        return r;
    }

    @Override
    public BatchResult learn(InputBatch batch) {
        requireLoaded();
        int size = image.arch().learning().batchSize();
        if (batch.batch() != size)
            throw new InvalidInputException("learn: a batch must hold exactly 2^learning.batchExp = " + size + " samples, got " + batch.batch());
        if (batch.labels() == null) throw new InvalidInputException("learn: the batch has no labels");
        BatchResult r = run(batch, RUN_LEARN | RUN_STOCHASTIC);
        long[] results = lastOut;
        beforeBoundary();
        if (image.arch().learning().table() == TableMode.SAME_BATCH) {
            lastBoundaryCycles = port.command(OP_BOUNDARY, BOUNDARY_TABLES);
            lastBoundaryCycles += pass2(batch, results);
            lastBoundaryCycles += port.command(OP_BOUNDARY, BOUNDARY_APPLY);
        } else {
            lastBoundaryCycles = port.command(OP_BOUNDARY, BOUNDARY_TABLES | BOUNDARY_APPLY);
        }
        afterBoundary();
        batchesLearn++;
        return r;
    }

    /** Hooks around a learning batch's boundary commands (waveforms). */
    protected void beforeBoundary() {}

    protected void afterBoundary() {}

    /** SAME_BATCH: per sample, restore the inputs, the label and every step's spikes, then PASS2. */
    private long pass2(InputBatch batch, long[] results) {
        long cycles = 0;
        int words = layout.outWords();
        List<RtlLayout.Entry> program = layout.program();
        for (int b = 0; b < batch.batch(); b++) {
            writeSample(batch, b);
            for (RtlLayout.Entry e : program) {
                if (e.output()) continue;
                int n = layout.layers().get(e.layer()).neurons();
                long[] bits = Arrays.copyOfRange(results, b * words + e.outBase(), b * words + e.outBase() + n);
                port.write(SPIKES, 0, (e.layer() * 2 + e.bank()) * params.capacity().neurons(), bits);
            }
            cycles += port.command(OP_PASS2, (long) b << RUN_SAMPLE_SHIFT);
        }
        return cycles;
    }

    private BatchResult run(InputBatch in, long arg) {
        requireLoaded();
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
        lastOut = out;
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
        port.write(INPUT, 0, 0, x);
        port.write(CONFIG, 0, RtlLayout.LABEL, new long[] {in.labels() == null ? -1 : in.labels()[b]});
    }

    private void requireLoaded() {
        if (port == null) throw new IllegalStateException("load an image first");
    }

    @Override
    public DeviceState readState() {
        requireLoaded();
        boolean momentum = image.arch().learning().momentumShift() > 0;
        List<DeviceState.LayerState> out = new ArrayList<>();
        for (int li = 0; li < layout.layers().size(); li++) {
            RtlLayout.LayerPlace lp = layout.layers().get(li);
            int n = lp.neurons(), s = lp.sources(), cells = lp.cells();
            List<int[]> ws = new ArrayList<>(), bs = new ArrayList<>(), gs = new ArrayList<>(), vs = new ArrayList<>();
            int[] counts = new int[n * cells], soft = new int[n * cells], table = new int[n * cells];
            int[] range = new int[n * s], maxAbs = new int[n * s], prng = new int[n];
            for (int k = 0; k < s; k++) {
                int size = lp.src().get(k).size();
                ws.add(new int[n * size]);
                bs.add(new int[n]);
                gs.add(new int[n * size + n]);
                if (momentum) vs.add(new int[n * size + n]);
            }
            for (int u = 0; u < units; u++) {
                int[] js = neuronsOf(lp, u);
                if (js.length == 0) continue;
                int used = js.length;
                for (int k = 0; k < s; k++) {
                    RtlLayout.SourcePlace sp = lp.src().get(k);
                    int size = sp.size();
                    long[] w = port.read(WEIGHT, u, sp.weightBase(), used * size);
                    long[] b = port.read(BIAS, u, sp.biasBase(), used);
                    long[] g = port.read(GRAD, u, sp.gradBase(), used * size);
                    long[] gb = port.read(GRAD, u, sp.gradBiasBase(), used);
                    long[] v = momentum ? port.read(GRAD, u, sp.velBase(), used * size) : null;
                    long[] vb = momentum ? port.read(GRAD, u, sp.velBiasBase(), used) : null;
                    for (int t = 0; t < used; t++) {
                        int j = js[t];
                        for (int i = 0; i < size; i++) {
                            ws.get(k)[j * size + i] = (int) w[t * size + i];
                            gs.get(k)[j * size + i] = (int) g[t * size + i];
                            if (momentum) vs.get(k)[j * size + i] = (int) v[t * size + i];
                        }
                        bs.get(k)[j] = (int) b[t];
                        gs.get(k)[n * size + j] = (int) gb[t];
                        if (momentum) vs.get(k)[n * size + j] = (int) vb[t];
                    }
                }
                long[] c = port.read(COUNT, u, lp.histBase(), used * cells);
                long[] sf = port.read(SOFTSUM, u, lp.histBase(), used * cells);
                long[] tb = port.read(TABLE, u, lp.histBase(), used * cells);
                long[] rg = port.read(RANGE, u, lp.rangeBase(), used * s);
                long[] ma = port.read(MAXABS, u, lp.rangeBase(), used * s);
                long[] pr = port.read(PRNG, u, lp.prngBase(), used);
                for (int t = 0; t < used; t++) {
                    int j = js[t];
                    for (int cI = 0; cI < cells; cI++) {
                        counts[j * cells + cI] = (int) c[t * cells + cI];
                        soft[j * cells + cI] = (int) sf[t * cells + cI];
                        table[j * cells + cI] = (int) tb[t * cells + cI];
                    }
                    for (int k = 0; k < s; k++) {
                        range[j * s + k] = (int) rg[t * s + k];
                        maxAbs[j * s + k] = (int) ma[t * s + k];
                    }
                    prng[j] = (int) pr[t];
                }
            }
            gs.addAll(vs);
            out.add(new DeviceState.LayerState(image.network().layers().get(li).name(), ws, bs, gs, counts, soft, table, range, maxAbs, prng));
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        long[] sat = port.read(STATUS, 0, STATUS_SATURATION, COUNTERS.size());
        for (int i = 0; i < COUNTERS.size(); i++) counters.put(COUNTERS.get(i), sat[i]);
        List<String> names = SaturationCounters.names();
        counters.put(names.get(SaturationCounters.BATCHES_LEARN), batchesLearn);
        counters.put(names.get(SaturationCounters.BATCHES_INFER), batchesInfer);
        counters.put(names.get(SaturationCounters.SAMPLES), samples);
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
