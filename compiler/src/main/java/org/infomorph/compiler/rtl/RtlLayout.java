package org.infomorph.compiler.rtl;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LayerConstants;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.SourceSpec;

/**
 * Where a network lives in the generic LLU array (docs/llu-rtl.md): the per-unit word layout of
 * every layer, the program of layer runs per sample, the CONFIG registers, and the capacities a
 * build needs. The same layout on every unit; neuron j of a layer is on unit j % P, slot j / P.
 */
public record RtlLayout(int units, List<LayerPlace> layers, List<Entry> program, Capacity capacity, long[] config) {
    /** CONFIG word indices (docs/llu-rtl.md). */
    public static final int LAYERS = 0, ENTRIES = 1, LABEL = 2, FEATURES = 3, CLASSES = 4, LAYER_BASE = 64, LAYER_STRIDE = 128,
            SOURCE_BASE = 40, SOURCE_STRIDE = 12, PROGRAM_BASE = 1024, ENTRY_STRIDE = 16, CONFIG_WORDS = 2048;
    public static final int SRC_INPUT = 0, SRC_LABEL = 1, SRC_SPIKES = 2, SRC_ZEROS = 3;

    /** A source's words: weights/masks/gradients/velocities at base + slot*size + i, bias words at base + slot. */
    public record SourcePlace(int size, int weightFrac, int productShift, boolean fixed, int weightBase, int biasBase, int gradBase,
                              int gradBiasBase, int velBase, int velBiasBase) {}

    /** A layer's words; {@code out} is its first OUT word on the last step. */
    public record LayerPlace(int neurons, int slots, int sources, int cells, int prngBase, int histBase, int rangeBase, int pass2Base,
                             int out, List<SourcePlace> src) {
        public int unit(int neuron, int units) {
            return neuron % units;
        }

        public int slot(int neuron, int units) {
            return neuron / units;
        }
    }

    /** One layer run: per source kind/layer/bank. */
    public record Entry(int layer, boolean last, boolean output, int bank, int outBase, int[] kind, int[] fromLayer, int[] fromBank) {}

    /** Words of OUT a RUN writes: every entry's results (last-step ranges first, then the early steps'). */
    public int outWords() {
        return program.stream().mapToInt(e -> e.outBase() + layers.get(e.layer()).neurons()).max().orElse(0);
    }

    public static RtlLayout of(Image image, int units) {
        NetworkSpec net = image.network();
        ArchConfig arch = image.arch();
        int count = net.layers().size();
        boolean same = arch.learning().table() == TableMode.SAME_BATCH;
        boolean momentum = arch.learning().momentumShift() > 0;
        int batch = arch.learning().batchSize();
        long w = 0, b = 0, g = 0, slotsAll = 0, hist = 0, ranges = 0, pass2 = 0;
        int out = 0, maxNeurons = 1;
        List<LayerPlace> places = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            LayerSpec spec = net.layers().get(l);
            int n = spec.neurons(), slots = (n + units - 1) / units, s = spec.sourceCount();
            int cells = 1 << (arch.binsExp() * s);
            List<SourcePlace> src = new ArrayList<>();
            for (int k = 0; k < s; k++) {
                var is = image.layers().get(l).sources().get(k);
                int size = is.size();
                int wb = (int) w, bb = (int) b;
                w += (long) slots * size;
                b += slots;
                int gb = (int) g;
                g += (long) slots * size;
                int gbb = (int) g;
                g += slots;
                int vb = 0, vbb = 0;
                if (momentum) {
                    vb = (int) g;
                    g += (long) slots * size;
                    vbb = (int) g;
                    g += slots;
                }
                src.add(new SourcePlace(size, is.weightFrac(), arch.numerics().productShift(size), is.fixed(), wb, bb, gb, gbb, vb, vbb));
            }
            places.add(new LayerPlace(n, slots, s, cells, (int) slotsAll, (int) hist, (int) ranges, (int) pass2, out, src));
            slotsAll += slots;
            hist += (long) slots * cells;
            ranges += (long) slots * s;
            if (same) pass2 += (long) slots * batch;
            out += n;
            maxNeurons = Math.max(maxNeurons, n);
        }
        Capacity cap;
        try {
            cap = new Capacity(count, Capacity.round(net.features()), Capacity.round(maxNeurons), Capacity.round(out), Capacity.round(w),
                    Capacity.round(b), Capacity.round(g), Capacity.round(slotsAll), Capacity.round(hist), Capacity.round(ranges),
                    Capacity.round(Math.max(1, pass2)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("network " + net.name() + " does not fit one LLU array of " + units + " units: " + e.getMessage()
                    + "; use more units");
        }
        List<Entry> program = program(net, places, out);
        int outWords = out;
        for (Entry e : program) outWords = Math.max(outWords, e.outBase() + places.get(e.layer()).neurons());
        cap = new Capacity(cap.layers(), cap.features(), cap.neurons(), Capacity.round(outWords), cap.weights(), cap.biases(), cap.grads(),
                cap.slots(), cap.hist(), cap.ranges(), cap.pass2());
        return new RtlLayout(units, List.copyOf(places), program, cap, config(image, places, program, units));
    }

    /** The program of layer runs, for timing (OUT bases are 0). */
    public static List<Entry> program(NetworkSpec net) {
        List<LayerPlace> places = net.layers().stream()
                .map(l -> new LayerPlace(l.neurons(), 0, l.sourceCount(), 0, 0, 0, 0, 0, 0, List.of())).toList();
        return program(net, places, 0);
    }

    /**
     * Layer runs in file order per step; a layer runs early only if a previous: source needs it (as
     * the model). Early runs write their spikes to OUT from {@code earlyOut} on, so the host can put
     * them back for a PASS2.
     */
    static List<Entry> program(NetworkSpec net, List<LayerPlace> places, int earlyOut) {
        int count = net.layers().size(), steps = net.steps();
        boolean[] early = new boolean[count];
        int[][] wiring = new int[count][];
        for (int i = 0; i < count; i++) {
            LayerSpec spec = net.layers().get(i);
            wiring[i] = new int[spec.sourceCount()];
            for (int k = 0; k < spec.sourceCount(); k++) {
                SourceSpec s = spec.sources().get(k);
                wiring[i][k] = s.from().equals(SourceSpec.INPUT) ? -1 : s.from().equals(SourceSpec.LABEL) ? -2
                        : s.fromPrevious() ? -3 - net.layerIndex(s.fromLayer()) : net.layerIndex(s.fromLayer());
                if (wiring[i][k] <= -3) early[-3 - wiring[i][k]] = true;
            }
        }
        for (int i = count - 1; i >= 0; i--) if (early[i]) for (int x : wiring[i]) if (x >= 0) early[x] = true;
        List<Entry> out = new ArrayList<>();
        boolean[] ranPrev = new boolean[count];
        for (int step = 1; step <= steps; step++) {
            boolean last = step == steps;
            boolean[] ranNow = new boolean[count];
            for (int i = 0; i < count; i++) {
                if (!last && !early[i]) continue;
                int s = wiring[i].length;
                int[] kind = new int[3], from = new int[3], bank = new int[3];
                for (int k = 0; k < s; k++) {
                    int x = wiring[i][k];
                    if (x == -1) kind[k] = SRC_INPUT;
                    else if (x == -2) kind[k] = SRC_LABEL;
                    else if (x >= 0) {
                        kind[k] = ranNow[x] ? SRC_SPIKES : SRC_ZEROS;
                        from[k] = x;
                        bank[k] = step % 2;
                    } else {
                        int p = -3 - x;
                        kind[k] = ranPrev[p] ? SRC_SPIKES : SRC_ZEROS;
                        from[k] = p;
                        bank[k] = (step - 1) % 2;
                    }
                }
                for (int k = s; k < 3; k++) kind[k] = SRC_ZEROS;
                int outBase = last ? places.get(i).out() : earlyOut;
                if (!last) earlyOut += places.get(i).neurons();
                out.add(new Entry(i, last, last && i == count - 1, step % 2, outBase, kind, from, bank));
                ranNow[i] = true;
            }
            ranPrev = ranNow;
        }
        return List.copyOf(out);
    }

    static long[] config(Image image, List<LayerPlace> places, List<Entry> program, int units) {
        NetworkSpec net = image.network();
        if (places.size() * LAYER_STRIDE + LAYER_BASE > PROGRAM_BASE || PROGRAM_BASE + program.size() * ENTRY_STRIDE > CONFIG_WORDS)
            throw new InvalidInputException("network " + net.name() + " has too many layers for the LLU array's CONFIG space (at most 7)");
        long[] c = new long[PROGRAM_BASE + program.size() * ENTRY_STRIDE];
        c[LAYERS] = places.size();
        c[ENTRIES] = program.size();
        c[LABEL] = -1;
        c[FEATURES] = net.features();
        c[CLASSES] = net.classes();
        for (int l = 0; l < places.size(); l++) {
            LayerPlace p = places.get(l);
            LayerSpec spec = net.layers().get(l);
            LayerConstants k = LayerConstants.of(image.arch(), spec);
            int o = LAYER_BASE + LAYER_STRIDE * l;
            long[] head = {p.neurons(), p.slots(), p.sources(), k.kind() == LayerConstants.Kind.SCHNEIDER ? 1 : 0, spec.bias() ? 1 : 0, p.cells(),
                p.prngBase(), p.histBase(), p.rangeBase(), p.pass2Base()};
            System.arraycopy(head, 0, c, o, head.length);
            int[] act = k.activation();
            for (int i = 0; i < act.length; i++) c[o + 10 + i] = act[i];
            c[o + 17] = k.gammaBottom();
            c[o + 18] = k.invLn2();
            int[] beta = k.beta();
            for (int i = 0; i < beta.length; i++) c[o + 20 + i] = beta[i];
            for (int s = 0; s < p.src().size(); s++) {
                SourcePlace sp = p.src().get(s);
                long[] f = {sp.size(), sp.weightFrac(), sp.productShift(), sp.fixed() ? 1 : 0, sp.weightBase(), sp.biasBase(), sp.gradBase(),
                    sp.gradBiasBase(), sp.velBase(), sp.velBiasBase()};
                System.arraycopy(f, 0, c, o + SOURCE_BASE + SOURCE_STRIDE * s, f.length);
            }
        }
        for (int e = 0; e < program.size(); e++) {
            Entry en = program.get(e);
            int o = PROGRAM_BASE + ENTRY_STRIDE * e;
            c[o] = en.layer();
            c[o + 1] = (en.last() ? 1 : 0) | (en.output() ? 2 : 0);
            c[o + 2] = en.bank();
            c[o + 3] = en.outBase();
            for (int k = 0; k < 3; k++) {
                c[o + 4 + 3 * k] = en.kind()[k];
                c[o + 5 + 3 * k] = en.fromLayer()[k];
                c[o + 6 + 3 * k] = en.fromBank()[k];
            }
        }
        return c;
    }
}
