package org.infomorph.compiler.rtl;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LatticeTables;
import org.infomorph.compiler.arch.LayerConstants;
import org.infomorph.compiler.arch.NeuronProgram;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;

/**
 * The exact cycles of the generated LLU array (hw-sim's Controller and TableEngine), from the
 * network, the architecture and P: the compiler's schedule and the lockstep checker use the same
 * formula, and the lockstep tests compare it with measured cycles. Every count depends on the
 * configuration and the command (learning, stochastic spikes) only, never on data.
 */
public final class RtlCycles {
    private RtlCycles() {}

    /** CONFIG words a RUN fetches first (ENTRIES, LABEL), per entry (the entry's words, then its layer's), per BOUNDARY layer. */
    static final int GLOBAL_WORDS = 2, ENTRY_WORDS = 13, LAYER_WORDS = 35, BOUNDARY_LAYER_WORDS = 10;

    /** One layer run: its name and its cycles of one RUN command (inference, and learning). */
    public record Run(String name, long infer, long learn) {}

    /** Cycles of each program entry of a RUN, in program order. */
    public static List<Run> runs(NetworkSpec net, ArchConfig arch, int units, boolean stochastic) {
        List<Run> out = new ArrayList<>();
        for (RtlLayout.Entry e : RtlLayout.program(net)) {
            LayerSpec l = net.layers().get(e.layer());
            String name = l.name() + (net.steps() > 1 ? " (" + (e.last() ? "last step" : "early step") + ")" : "");
            out.add(new Run(name, entry(l, e, arch, units, false, stochastic), entry(l, e, arch, units, true, true)));
        }
        return out;
    }

    /** Cycles of a RUN command: inference (stochastic or deterministic spikes), or learning. */
    public static long run(NetworkSpec net, ArchConfig arch, int units, boolean learn, boolean stochastic) {
        long c = 1 + fetch(GLOBAL_WORDS) + 1;
        for (Run r : runs(net, arch, units, stochastic)) c += learn ? r.learn() : r.infer();
        return c;
    }

    /** A fetch of n CONFIG words: one read per cycle, the last captured a cycle later, one cycle to move on. */
    static long fetch(int words) {
        return words + 2;
    }

    static long entry(LayerSpec l, RtlLayout.Entry e, ArchConfig arch, int units, boolean learn, boolean stochastic) {
        long slots = (l.neurons() + units - 1) / units;
        return fetch(ENTRY_WORDS) + fetch(LAYER_WORDS) + slots * slot(l, e, arch, units, learn && e.last(), stochastic);
    }

    /** One slot: PRNG in, per source its bias and weights then the drain, the engine on every lane, the update, PRNG out. */
    static long slot(LayerSpec l, RtlLayout.Entry e, ArchConfig arch, int units, boolean learnLast, boolean stochastic) {
        int pw = RtlLayout.prngWords(arch), bw = RtlLayout.biasWords(arch), s = l.sourceCount();
        boolean prng = (stochastic && !e.output()) || learnLast;
        long c = 1 + (prng ? 2L * pw : 0) + 1;
        for (int k = 0; k < s; k++) c += bw + (e.kind()[k] == RtlContract.SRC_ZEROS ? 0 : l.sources().get(k).size()) + 2 + units;
        NeuronProgram program = NeuronProgram.of(arch, s == 3 ? LayerConstants.Kind.SCHNEIDER : LayerConstants.Kind.GRAETZ);
        c += (long) units * (EngineUops.cycles(program, learnLast) + 1);
        if (learnLast) {
            for (int k = 0; k < s; k++) {
                if (l.sources().get(k).resetToMask()) c += 1;
                else c += units + 1 + 2L * l.sources().get(k).size() + 2 + (l.bias() ? 2L * bw + 3 : 0);
            }
            c += 1;
        }
        return c;
    }

    /** Boundary cycles of one layer. */
    public record Boundary(String name, long cycles) {}

    public static List<Boundary> boundaries(NetworkSpec net, ArchConfig arch, int units) {
        List<Boundary> out = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            long neurons = (long) ((l.neurons() + units - 1) / units) * units;
            int[] beta = LayerConstants.of(arch, l).beta();
            out.add(new Boundary(l.name(), fetch(BOUNDARY_LAYER_WORDS) + 1 + neurons * (1 + table(arch, l.sourceCount(), beta))));
        }
        return out;
    }

    /** Cycles of the BOUNDARY command at the end of a learning batch. */
    public static long boundary(NetworkSpec net, ArchConfig arch, int units) {
        long c = 1 + fetch(1) + 1 + 1;
        for (Boundary b : boundaries(net, arch, units)) c += b.cycles();
        return c;
    }

    /** The table engine on one neuron, start to done (hw-sim TableEngine): LOAD, BOTTOM, per antichain UNION and RSUM, FIN, RANGES. */
    public static long table(ArchConfig arch, int sources, int[] beta) {
        LatticeTables l = LatticeTables.of(sources);
        long cells = 1L << (arch.binsExp() * sources);
        int masks = (1 << sources) - 1;
        int divN = TableGeometry.of(arch, sources).divN();
        long c = cells * (1 + 2L * masks) + 11;
        for (int a = 0; a < l.size(); a++) {
            c += 2;
            if (beta[a] == 0) continue;
            int terms = l.masks()[a].length;
            boolean big = l.sizes()[a] >= 2;
            c += cells * (1 + 2L * terms + 6 + 3 + 2 + (big ? 2L * divN + 1 + 2L * masks : 0));
            if (big) c += cells * (1 + 2L * terms + 3 + 2);
        }
        return c + 2 * cells + 2L * sources + 1;
    }
}
