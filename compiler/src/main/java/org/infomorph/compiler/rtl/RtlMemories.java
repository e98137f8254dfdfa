package org.infomorph.compiler.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Counter;
import org.infomorph.compiler.arch.Numerics;

/**
 * Every memory the generated LLU array instantiates (docs/llu-rtl.md, "Memories"), with its exact
 * shape: the one memory model that the Chisel generator builds and the compiler allocates,
 * estimates and checks against synthesis.
 */
public final class RtlMemories {
    private RtlMemories() {}

    /** yosys ram_style values the generator writes: block RAM, iCE40 SPRAM, LUTs/flip-flops. */
    public static final Set<String> STYLES = Set.of("block", "huge", "logic");

    /** How a memory is accessed: one read-or-write port, one read and one write port, or read only. */
    public enum Ports { ONE_RW, ONE_R_ONE_W, ROM }

    /** One memory: {@code count} identical instances of depth x width. */
    public record Memory(String name, int count, int depth, int width, Ports ports) {
        public long bits() {
            return (long) count * depth * width;
        }
    }

    public static List<Memory> of(GeneratorParams g) {
        ArchConfig arch = g.arch();
        Numerics n = arch.numerics();
        Capacity cap = g.capacity();
        int units = g.units();
        List<Memory> out = new ArrayList<>();
        out.add(new Memory("lane", g.laneGroups(), cap.laneWords(), g.lanesPerWord() * n.weightBits(), Ports.ONE_RW));
        out.add(new Memory("config", 1, cap.configWords(), 32, Ports.ONE_R_ONE_W));
        out.add(new Memory("input", 1, cap.features(), n.input().bits(), Ports.ONE_R_ONE_W));
        out.add(new Memory("spikes", 1, 1 << spikeAddrBits(cap), 1, Ports.ONE_R_ONE_W));
        out.add(new Memory("out", 1, cap.out(), Math.max(1, n.theta().bits()), Ports.ONE_R_ONE_W));
        out.add(new Memory("ubuf", 1, units * 4, n.activation().bits(), Ports.ONE_R_ONE_W));
        out.add(new Memory("sigmoid", 1, arch.luts().sigmoidEntries(), n.theta().bits(), Ports.ROM));
        out.add(new Memory("status", 1, Counter.inArray(g.learning()).size(), 32, Ports.ONE_R_ONE_W));
        if (!g.learning()) return List.copyOf(out);
        out.add(new Memory("ebuf", 1, units * 4, n.error().bits(), Ports.ONE_R_ONE_W));
        out.add(new Memory("hist", 1, cap.histWords(), n.count().bits() + n.softSum().bits(), Ports.ONE_RW));
        out.add(new Memory("table", 1, cap.histWords(), n.table().bits(), Ports.ONE_RW));
        out.add(new Memory("ranges", 1, cap.rangeWords(), RANGE_EXP_BITS + n.activation().bits(), Ports.ONE_R_ONE_W));
        TableGeometry t = TableGeometry.of(arch, cap.sources());
        int marg = t.marginalWords(arch.binsExp());
        out.add(new Memory("tmarg", 1, marg, 2 * t.margW(), Ports.ONE_R_ONE_W));
        out.add(new Memory("tqmarg", 1, marg, 2 * t.qMargW(), Ports.ONE_R_ONE_W));
        out.add(new Memory("tqcell", 1, t.cells(), 2 * t.qW(), Ports.ONE_R_ONE_W));
        out.add(new Memory("tacc", 1, t.cells(), 32, Ports.ONE_R_ONE_W));
        int k = arch.luts().log2MantissaEntries();
        if (k > 0) out.add(new Memory("log2", 1, k, LOG2_ROM_BITS, Ports.ROM));
        return List.copyOf(out);
    }

    /** Bits of a range exponent in the range memory (beside max|u|). */
    public static final int RANGE_EXP_BITS = 8;
    /** A log2 table word: lut[i] in the low 24 bits, lut[i+1] - lut[i] above. */
    public static final int LOG2_ROM_BITS = 40;

    /** Address bits of SPIKES: {layer, bank, neuron}. */
    public static int spikeAddrBits(Capacity cap) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(cap.layers() - 1)) + 1 + Capacity.bits(cap.neurons());
    }
}
