package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.RtlLayout;
import org.infomorph.compiler.rtl.RtlMemories;
import org.infomorph.targets.TargetDescriptor;

/**
 * The compiler's back end for one network, architecture and target: choose the lanes and their
 * memory packing, allocate the array's memories ({@link RtlMemories}, the RTL's own list), build
 * the schedule and the estimates, and list every resource that does not fit (a {@link Problem}).
 * The result's generator parameters are the {@code generator.json} of a compiled image: exactly
 * what the Chisel generator builds.
 */
public record Compilation(NetworkSpec network, ArchConfig arch, TargetDescriptor target, Mapping mapping, Schedule schedule,
        Estimates estimates, List<Problem> problems) {

    /** A resource that does not fit: what needs how much of what the target has. */
    public record Problem(String resource, String need, String capacity) {}

    public boolean fits() {
        return problems.isEmpty();
    }

    /**
     * Compiles with the lane count that fits the target's DSPs, memories and logic and gives the
     * fewest cycles per sample (learning samples, the boundary shared over the batch, in learn
     * mode; the fewest lanes on a tie, since the shared engine, not the lanes, bounds large
     * arrays); a simulator takes the descriptor's {@code units}. When nothing fits, the problems
     * of one lane.
     */
    public static Compilation of(NetworkSpec net, ArchConfig arch, TargetDescriptor target, Mode mode) {
        List<Problem> rule = ruleProblems(arch, target, mode);
        int largest = net.layers().stream().mapToInt(LayerSpec::neurons).max().orElse(1);
        if (target.unlimited()) {
            int units = Math.min(target.units().orElse(16), largest);
            return with(net, arch, target, mode, units, 1, rule);
        }
        int max = Math.min(largest, target.units().orElse(255));
        int dsps = target.dsp().count().orElse(Integer.MAX_VALUE) - 1 - (mode == Mode.LEARN ? 1 : 0);
        max = Math.max(1, Math.min(max, dsps));
        Compilation best = null, last = null;
        for (int units = max; units >= 1; units--) {
            int slots = (largest + units - 1) / units;
            units = Math.min(units, (largest + slots - 1) / slots);
            Compilation c = withUnits(net, arch, target, mode, units, rule);
            last = c;
            if (c.fits() && (best == null || c.cyclesPerSample() <= best.cyclesPerSample())) best = c;
        }
        return best != null ? best : last;
    }

    /** Cycles per sample of this mode: inference, or a learning sample with its share of the boundary. */
    double cyclesPerSample() {
        Estimates e = estimates;
        return mapping.mode() == Mode.LEARN ? e.learningSampleCycles() + (double) e.boundaryCycles() / arch.learning().batchSize() : e.sampleCycles();
    }

    /** The array of exactly {@code units} lanes, packed to fit best. */
    public static Compilation withUnits(NetworkSpec net, ArchConfig arch, TargetDescriptor target, Mode mode, int units) {
        return withUnits(net, arch, target, mode, units, ruleProblems(arch, target, mode));
    }

    private static Compilation withUnits(NetworkSpec net, ArchConfig arch, TargetDescriptor target, Mode mode, int units, List<Problem> rule) {
        if (target.unlimited()) return with(net, arch, target, mode, units, 1, rule);
        Compilation best = null;
        for (int lpw : lanesPerWord(arch, target, units)) {
            Compilation c = with(net, arch, target, mode, units, lpw, rule);
            if (best == null || c.fits() && (!best.fits() || c.blocks() < best.blocks())) best = c;
        }
        return best;
    }

    private double blocks() {
        return mapping.allocations().stream().mapToDouble(Allocation::blocks).sum();
    }

    /** Lanes per lane-memory word worth trying: 1, and as many as the widest memory word holds. */
    static List<Integer> lanesPerWord(ArchConfig arch, TargetDescriptor target, int units) {
        int widest = target.memories().stream().mapToInt(TargetDescriptor.Memory::width).max().orElse(1);
        int packed = Math.max(1, Math.min(units, widest / arch.numerics().weightBits()));
        return packed == 1 ? List.of(1) : List.of(packed, 1);
    }

    /** What the array cannot run at all, whatever its size. */
    static List<Problem> ruleProblems(ArchConfig arch, TargetDescriptor target, Mode mode) {
        List<Problem> p = new ArrayList<>();
        if (mode == Mode.LEARN && !arch.learning().perSample())
            p.add(new Problem("learning.update", "learning.update=" + arch.learning().update() + " (gradient memory)",
                    "the LLU array learns with learning.update=PER_SAMPLE"));
        return p;
    }

    /** The array of {@code units} lanes, {@code lanesPerWord} to a lane-memory word, for this network on this target. */
    public static Compilation with(NetworkSpec net, ArchConfig arch, TargetDescriptor target, Mode mode, int units, int lanesPerWord,
                                   List<Problem> rule) {
        List<Problem> problems = new ArrayList<>(rule);
        Capacity cap = RtlLayout.capacity(net, arch, units);
        if (target.unlimited()) cap = cap.rounded();
        boolean learn = mode == Mode.LEARN;
        GeneratorParams g = new GeneratorParams(arch, learn, learn, units, lanesPerWord, cap, Map.of(), -1);
        Allocator.Result alloc = Allocator.allocate(RtlMemories.of(g), target);
        Map<String, String> styles = new LinkedHashMap<>();
        for (Allocation a : alloc.allocations()) {
            // yosys does not see a ROM's style (BlockMapping.autoRom places it): the generator keeps "block" there
            if (a.array().ports() == RtlMemories.Ports.ROM) styles.put(a.array().name(), "block");
            else if (a.memory().equals(Allocator.LOGIC)) styles.put(a.array().name(), "logic");
            else target.memory(a.memory()).ifPresent(m -> styles.put(a.array().name(), target.unlimited() ? "block" : FpgaFamily.ramStyle(m.kind())));
        }
        if (!target.unlimited()) g = new GeneratorParams(arch, learn, learn, units, lanesPerWord, cap, styles, -1);
        for (Allocator.Shortfall s : alloc.shortfalls())
            problems.add(new Problem(s.array().name() + " memory", String.format("%s (%d x %d bits%s) needs %.1f %s blocks", s.array().name(),
                    s.array().depth(), s.array().width(), s.array().count() > 1 ? ", " + s.array().count() + " instances" : "", s.needBlocks(),
                    s.bestMemory()), target.name() + " has " + String.format("%.1f", s.freeBlocks()) + " " + s.bestMemory() + " blocks free"));
        LogicModel.Logic logic = LogicModel.estimate(g, target);
        target.dsp().count().ifPresent(c -> {
            if (logic.dsps() > c) problems.add(new Problem("dsp", logic.dsps() + " multipliers (" + units + " lanes + the engines)", target.name()
                    + " has " + c + " " + target.dsp().kind()));
        });
        long lutCap = LogicModel.capacity(target);
        if (logic.luts() > lutCap)
            problems.add(new Problem("logic", "~" + logic.luts() + " " + target.logic().kind() + " (model)", target.name() + " has " + lutCap));
        // iCE40: a flip-flop or carry that cannot share a LUT's cell takes a cell of its own, so the cells, not the LUT4s, decide
        // (each of the device's LUT4s is one logic cell: the LUT count is the cell count)
        else if (logic.logicCells() > lutCap)
            problems.add(new Problem("logic", "~" + logic.logicCells() + " logic cells (model; " + logic.luts() + " " + target.logic().kind()
                    + " and the flip-flops and carries that cannot share their cell)", target.name() + " has " + lutCap));
        List<Integer> slots = new ArrayList<>();
        for (LayerSpec l : net.layers()) slots.add((l.neurons() + units - 1) / units);
        Mapping mapping = new Mapping(target.name(), mode, g, slots, alloc.allocations());
        Schedule schedule = Schedule.of(net, arch, mapping);
        Estimates est = Estimates.of(net, arch, target, mapping, schedule, EnergyModel.horowitz45nm(), logic, alloc.blocksNeeded());
        return new Compilation(net, arch, target, mapping, schedule, est, problems);
    }
}
