package org.infomorph.compiler.rtl;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LatticeTables;
import org.infomorph.compiler.arch.LayerConstants;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;

/**
 * The exact cycles of the generated LLU array (the header of hw-sim's Controller.scala), from the
 * network, the architecture and P. Every count depends on configuration only, never on data. The
 * Chisel engines report their latencies through these functions, so the compiler's schedule and
 * the RTL share one formula; the lockstep checker compares them with measured cycles.
 */
public final class RtlCycles {
    /** ActivationUnit pipeline depth. */
    public static final int ACTIVATION_LATENCY = 9;

    /** One layer run: its name and cycles (inference, learning extra) of one RUN command. */
    public record Run(String name, long infer, long learn) {}

    /** Boundary cycles of one layer: the table phase and the update phase. */
    public record Boundary(String name, long table, long update) {}

    private RtlCycles() {}

    /** Cycles of each program entry of a RUN, in program order (without the command's 3 cycles of overhead). */
    public static List<Run> runs(NetworkSpec net, ArchConfig arch, int units) {
        List<RtlLayout.Entry> program = RtlLayout.program(net);
        boolean previousBatch = arch.learning().table() == TableMode.PREVIOUS_BATCH;
        List<Run> out = new ArrayList<>();
        for (RtlLayout.Entry e : program) {
            LayerSpec l = net.layers().get(e.layer());
            long slots = (l.neurons() + units - 1) / units;
            long mac = 0;
            for (int k = 0; k < l.sourceCount(); k++) mac += fanIn(l, e, k) + 1;
            long grad = e.last() && previousBatch ? gradients(l, e) : 0;
            long infer = entry(mac, 0, slots, units), learn = entry(mac, grad, slots, units);
            out.add(new Run(l.name() + (net.steps() > 1 ? " (" + (e.last() ? "last step" : "early step") + ")" : ""), infer, learn - infer));
        }
        return out;
    }

    /** Inputs source k streams in this entry (0 when wired to zeros). */
    private static long fanIn(LayerSpec l, RtlLayout.Entry e, int k) {
        return e.kind()[k] == RtlLayout.SRC_ZEROS ? 0 : l.sources().get(k).size();
    }

    /** G: the gradient stream of a slot: per learned source its inputs + 2, one cycle per fixed source, + 1. */
    private static long gradients(LayerSpec l, RtlLayout.Entry e) {
        long g = 1;
        for (int k = 0; k < l.sourceCount(); k++) g += l.sources().get(k).resetToMask() ? 1 : fanIn(l, e, k) + 2;
        return g;
    }

    private static long entry(long mac, long grad, long slots, int units) {
        long slot = mac + ACTIVATION_LATENCY + 8 + grad;
        return 3 + slot + (slots - 1) * Math.max(slot, units + 1) + Math.max(1, units - 2 - grad);
    }

    /** Cycles of a RUN command: inference, or learning when {@code learn}. */
    public static long run(NetworkSpec net, ArchConfig arch, int units, boolean learn) {
        long c = 3;
        for (Run r : runs(net, arch, units)) c += r.infer() + (learn ? r.learn() : 0);
        return c;
    }

    /** Per layer, the slots times (engine latency + 2) plus 2, for the table and the update phase. */
    public static List<Boundary> boundaries(NetworkSpec net, ArchConfig arch, int units) {
        List<Boundary> out = new ArrayList<>();
        for (LayerSpec l : net.layers()) {
            long slots = (l.neurons() + units - 1) / units;
            int s = l.sourceCount();
            int[] beta = LayerConstants.of(arch, l).beta();
            boolean[] nonZero = new boolean[beta.length];
            for (int a = 0; a < beta.length; a++) nonZero[a] = beta[a] != 0;
            int[] sizes = new int[s];
            boolean[] fixed = new boolean[s];
            for (int k = 0; k < s; k++) {
                sizes[k] = l.sources().get(k).size();
                fixed[k] = l.sources().get(k).resetToMask();
            }
            out.add(new Boundary(l.name(), 2 + slots * (table(arch, s, nonZero) + 2), 2 + slots * (update(arch, s, sizes, fixed) + 2)));
        }
        return out;
    }

    /** Cycles of the learning batch boundary: BOUNDARY (and, in SAME_BATCH mode, a PASS2 per sample). */
    public static long boundary(NetworkSpec net, ArchConfig arch, int units) {
        List<Boundary> b = boundaries(net, arch, units);
        long table = 3 + b.stream().mapToLong(Boundary::table).sum(), update = 3 + b.stream().mapToLong(Boundary::update).sum();
        if (arch.learning().table() == TableMode.PREVIOUS_BATCH) return table + update - 2;
        return table + update + (long) arch.learning().batchSize() * pass2(net, arch, units);
    }

    /** Cycles of one PASS2 command. */
    public static long pass2(NetworkSpec net, ArchConfig arch, int units) {
        long c = 3;
        for (RtlLayout.Entry e : RtlLayout.program(net)) {
            if (!e.last()) {
                c += 2;
                continue;
            }
            LayerSpec l = net.layers().get(e.layer());
            long slots = (l.neurons() + units - 1) / units;
            c += 3 + slots * (4 + gradients(l, e)) + 1;
        }
        return c;
    }

    /** TableEngine start-to-done: 4n + 3 + per antichain 1 + (β = 0 ? 0 : one set ? 4n : (divN + 7) n), n = bins^sources. */
    public static int table(ArchConfig arch, int sources, boolean[] nonZeroBeta) {
        LatticeTables l = LatticeTables.of(sources);
        int n = 1;
        for (int k = 0; k < sources; k++) n *= arch.bins();
        int c = 4 * n + 3;
        for (int a = 0; a < l.size(); a++) c += 1 + (!nonZeroBeta[a] ? 0 : l.sizes()[a] < 2 ? 4 * n : (dividerSteps(arch) + 7) * n);
        return c;
    }

    /** Iterations of the TableEngine's restoring dividers: the bits of the largest |Q|. */
    public static int dividerSteps(ArchConfig arch) {
        long m = Math.max(arch.numerics().q().max(), -arch.numerics().q().min());
        return 64 - Long.numberOfLeadingZeros(m);
    }

    /** BoundaryUpdate start-to-done: max(7 + c Σ_{learned k} (size_k + 1), 2 + cells + 2 sources), c = 2 (4 with momentum). */
    public static int update(ArchConfig arch, int sources, int[] sizes, boolean[] fixed) {
        int params = 0, cells = 1;
        for (int k = 0; k < sources; k++) {
            if (!fixed[k]) params += sizes[k] + 1;
            cells *= arch.bins();
        }
        return Math.max(7 + updatePerParameter(arch) * params, 2 + cells + 2 * sources);
    }

    /** Cycles per parameter of the update: the gradient (and velocity) read and clear share one GRAD port. */
    public static int updatePerParameter(ArchConfig arch) {
        return arch.learning().momentumShift() > 0 ? 4 : 2;
    }
}
