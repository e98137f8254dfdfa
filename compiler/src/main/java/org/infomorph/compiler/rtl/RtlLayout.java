package org.infomorph.compiler.rtl;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LayerConstants;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.SourceSpec;

import static org.infomorph.compiler.rtl.RtlContract.*;

/**
 * Where a network lives in the LLU array (docs/llu-rtl.md): every lane's memory words, the engine
 * memories' words, the program of layer runs per sample, the CONFIG words and the capacity a
 * build needs. Neuron j of a layer runs on lane j % P, in slot j / P.
 *
 * <p>A lane's slot of a layer holds, from its first word: the neuron's PRNG state ({@link
 * #prngWords} words), then per source its bias ({@link #biasWords} words) and its weights (one
 * word each, least significant word first for multi-word values). Engine neuron i = t P + p of
 * a layer has its histogram and table cells at histBase + i cells + cell and its range words at
 * rangeBase + i sources + k.
 */
public record RtlLayout(int units, List<LayerPlace> layers, List<Entry> program, Capacity capacity, long[] config) {

    /** A source's place in a slot: its bias at slot word {@code laneOffset}, its weights after it. */
    public record SourcePlace(int size, int weightFrac, int productShift, boolean fixed, int laneOffset, int uShift, int xShift) {}

    /** A layer's place; {@code out} is its first OUT word on the last step. */
    public record LayerPlace(int neurons, int slots, int sources, int cells, int laneBase, int slotWords, int histBase, int rangeBase, int out,
                             List<SourcePlace> src) {
        public int unit(int neuron, int units) {
            return neuron % units;
        }

        public int slot(int neuron, int units) {
            return neuron / units;
        }
    }

    /** One layer run: per source kind/layer/bank. */
    public record Entry(int layer, boolean last, boolean output, int bank, int outBase, int[] kind, int[] fromLayer, int[] fromBank) {}

    /** Lane words of a 32-bit PRNG state. */
    public static int prngWords(ArchConfig arch) {
        return ceilDiv(32, arch.numerics().weightBits());
    }

    /** Lane words of a bias. */
    public static int biasWords(ArchConfig arch) {
        return ceilDiv(arch.numerics().biasBits(), arch.numerics().weightBits());
    }

    /** Words of OUT a RUN writes: every entry's results (last-step ranges first, then the early steps'). */
    public int outWords() {
        return program.stream().mapToInt(e -> e.outBase() + layers.get(e.layer()).neurons()).max().orElse(0);
    }

    public static RtlLayout of(Image image, int units) {
        NetworkSpec net = image.network();
        int[][] fracs = new int[net.layers().size()][];
        for (int l = 0; l < fracs.length; l++)
            fracs[l] = image.layers().get(l).sources().stream().mapToInt(s -> s.weightFrac()).toArray();
        Places p = places(net, image.arch(), units, fracs);
        return new RtlLayout(units, p.layers(), p.program(), p.capacity(), config(image, p.layers(), p.program(), p.capacity()));
    }

    /** The capacity a network needs on P lanes (exact; {@link Capacity#rounded} for builds shared by similar networks). */
    public static Capacity capacity(NetworkSpec net, ArchConfig arch, int units) {
        int[][] fracs = new int[net.layers().size()][];
        for (int l = 0; l < fracs.length; l++) fracs[l] = new int[net.layers().get(l).sourceCount()];
        return places(net, arch, units, fracs).capacity();
    }

    private record Places(List<LayerPlace> layers, List<Entry> program, Capacity capacity) {}

    private static Places places(NetworkSpec net, ArchConfig arch, int units, int[][] weightFracs) {
        int count = net.layers().size();
        int pw = prngWords(arch), bw = biasWords(arch);
        int af = arch.numerics().activation().frac(), in = arch.numerics().input().frac(), fracMin = arch.updateFracMin();
        long lane = 0, hist = 0, ranges = 0;
        int out = 0, maxNeurons = 1, maxSources = 2;
        List<LayerPlace> places = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            LayerSpec spec = net.layers().get(l);
            int n = spec.neurons(), slots = (n + units - 1) / units, s = spec.sourceCount();
            int cells = 1 << (arch.binsExp() * s);
            List<SourcePlace> src = new ArrayList<>();
            int offset = pw;
            for (int k = 0; k < s; k++) {
                int size = spec.sources().get(k).size(), wf = weightFracs[l][k];
                int p = arch.numerics().productShift(size);
                src.add(new SourcePlace(size, wf, p, spec.sources().get(k).resetToMask(), offset, in + wf - p - af, wf - fracMin));
                offset += bw + size;
            }
            places.add(new LayerPlace(n, slots, s, cells, (int) lane, offset, (int) hist, (int) ranges, out, src));
            lane += (long) slots * offset;
            hist += (long) slots * units * cells;
            ranges += (long) slots * units * s;
            out += n;
            maxNeurons = Math.max(maxNeurons, n);
            maxSources = Math.max(maxSources, s);
        }
        List<Entry> program = program(net, places, out);
        int outWords = out;
        for (Entry e : program) outWords = Math.max(outWords, e.outBase() + places.get(e.layer()).neurons());
        Capacity cap;
        try {
            cap = new Capacity(count, program.size(), net.features(), Capacity.round(maxNeurons), outWords, words(lane), words(Math.max(1, hist)),
                    words(Math.max(1, ranges)), maxSources);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("network " + net.name() + " does not fit one LLU array of " + units + " lanes: " + e.getMessage()
                    + "; use more lanes");
        }
        return new Places(List.copyOf(places), program, cap);
    }

    private static int words(long v) {
        if (v > Capacity.MAX_WORDS) throw new IllegalArgumentException(v + " words exceed the 2^20 words a region can address");
        return (int) v;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** The program of layer runs, for timing (OUT bases are 0). */
    public static List<Entry> program(NetworkSpec net) {
        List<LayerPlace> places = net.layers().stream()
                .map(l -> new LayerPlace(l.neurons(), 0, l.sourceCount(), 0, 0, 0, 0, 0, 0, List.of())).toList();
        return program(net, places, 0);
    }

    /**
     * Layer runs in file order per step; a layer runs early only if a previous: source needs it (as
     * the model). Early runs write their spikes to OUT from {@code earlyOut} on.
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

    /** The CONFIG words of the network for an array of capacity {@code cap} (RtlContract's map). */
    public static long[] config(Image image, List<LayerPlace> places, List<Entry> program, Capacity cap) {
        NetworkSpec net = image.network();
        if (places.size() > cap.layers() || program.size() > cap.entries())
            throw new InvalidInputException("network " + net.name() + " has " + places.size() + " layers and " + program.size()
                    + " layer runs; the array holds " + cap.layers() + " and " + cap.entries());
        long[] c = new long[entryWord(cap.layers(), program.size(), 0)];
        c[CFG_LAYERS] = places.size();
        c[CFG_ENTRIES] = program.size();
        c[CFG_LABEL] = -1;
        c[CFG_FEATURES] = net.features();
        c[CFG_CLASSES] = net.classes();
        for (int l = 0; l < places.size(); l++) {
            LayerPlace p = places.get(l);
            LayerSpec spec = net.layers().get(l);
            LayerConstants k = LayerConstants.of(image.arch(), spec);
            long[] head = {p.neurons(), p.slots(), p.sources(), k.kind() == LayerConstants.Kind.SCHNEIDER ? KIND_SCHNEIDER : KIND_GRAETZ,
                spec.bias() ? 1 : 0, Integer.numberOfTrailingZeros(p.cells()), p.laneBase(), p.slotWords(), p.histBase(), p.rangeBase()};
            System.arraycopy(head, 0, c, layerWord(l, 0), head.length);
            int[] engine = k.engine();
            for (int i = 0; i < engine.length; i++) c[layerWord(l, L_K + i)] = engine[i];
            c[layerWord(l, L_GAMMA_BOTTOM)] = k.gammaBottom();
            int[] beta = k.beta(), betaR = k.betaR();
            for (int i = 0; i < beta.length; i++) {
                c[layerWord(l, L_BETA + i)] = beta[i];
                c[layerWord(l, L_BETA_R + i)] = betaR[i];
            }
            for (int s = 0; s < p.src().size(); s++) {
                SourcePlace sp = p.src().get(s);
                long[] f = {sp.size(), sp.laneOffset(), sp.uShift(), sp.productShift(), sp.xShift(), sp.fixed() ? 1 : 0};
                for (int i = 0; i < f.length; i++) c[sourceWord(l, s, i)] = f[i];
            }
        }
        for (int e = 0; e < program.size(); e++) {
            Entry en = program.get(e);
            c[entryWord(cap.layers(), e, E_LAYER)] = en.layer();
            c[entryWord(cap.layers(), e, E_FLAGS)] = (en.last() ? FLAG_LAST : 0) | (en.output() ? FLAG_OUTPUT : 0);
            c[entryWord(cap.layers(), e, E_BANK)] = en.bank();
            c[entryWord(cap.layers(), e, E_OUT_BASE)] = en.outBase();
            for (int k = 0; k < 3; k++) {
                c[entryWord(cap.layers(), e, E_SOURCE + E_SOURCE_STRIDE * k)] = en.kind()[k];
                c[entryWord(cap.layers(), e, E_SOURCE + E_SOURCE_STRIDE * k + 1)] = en.fromLayer()[k];
                c[entryWord(cap.layers(), e, E_SOURCE + E_SOURCE_STRIDE * k + 2)] = en.fromBank()[k];
            }
        }
        return c;
    }

    /** This layout's CONFIG words for an array of a larger capacity (the program moves with the layer count). */
    public long[] config(Image image, Capacity cap) {
        return config(image, layers, program, cap);
    }
}
