package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.targets.TargetDescriptor;

/**
 * The compiler's back end for one network, architecture and target: choose the number of units,
 * map the neurons, allocate the memories, build the schedule and the estimates, and list every
 * resource that does not fit (a {@link Problem}).
 */
public record Compilation(NetworkSpec network, ArchConfig arch, TargetDescriptor target, Mapping mapping, Schedule schedule,
        Estimates estimates, List<Problem> problems) {

    /** A resource that does not fit: what needs how much of what the target has. */
    public record Problem(String resource, String need, String capacity) {}

    public boolean fits() {
        return problems.isEmpty();
    }

    /**
     * Compiles with the most units the DSPs, the logic and the largest layer allow; when the
     * memories cannot hold that many lanes, with the most units that fit. Reports the problems
     * of the largest array when no unit count fits.
     */
    public static Compilation of(NetworkSpec net, ArchConfig arch, TargetDescriptor target, Mode mode) {
        List<Problem> unitProblems = new ArrayList<>();
        LogicModel logic = LogicModel.defaults();
        int max = units(net, arch, target, logic, unitProblems);
        Compilation first = null;
        int largest = net.layers().stream().mapToInt(LayerSpec::neurons).max().orElse(1);
        for (int units = max; units >= 1; units--) {
            // as few units as give the largest layer the same number of slots: same cycles, fewer DSPs
            int slots = ArrayPlan.slots(largest, units);
            units = Math.min(units, ArrayPlan.slots(largest, slots));
            Compilation c = with(net, arch, target, mode, units, logic, unitProblems);
            if (c.fits()) return c;
            if (first == null) first = c;
            if (!unitProblems.isEmpty()) break;
        }
        return first;
    }

    static Compilation with(NetworkSpec net, ArchConfig arch, TargetDescriptor target, Mode mode, int units, LogicModel logic,
            List<Problem> unitProblems) {
        List<Problem> problems = new ArrayList<>(unitProblems);
        List<Integer> slots = new ArrayList<>();
        for (LayerSpec l : net.layers()) slots.add(ArrayPlan.slots(l.neurons(), units));
        Allocator.Result alloc = Allocator.allocate(ArrayPlan.of(net, arch, units, mode), target);
        for (Allocator.Shortfall s : alloc.shortfalls())
            problems.add(new Problem(s.array().name(), "need " + Units.bits(s.needBits()) + " (" + s.needBlocks() + " " + s.bestMemory()
                    + " blocks for " + s.array().lanes() + " lane" + (s.array().lanes() > 1 ? "s" : "") + ")",
                    target.name() + " has " + s.freeBlocks() + " " + s.bestMemory() + " blocks (" + Units.bits(s.freeBits()) + ") free"));
        Mapping mapping = new Mapping(target.name(), mode, units, slots, alloc.allocations());
        Schedule schedule = Schedule.of(net, arch, mapping);
        Estimates est = Estimates.of(net, arch, target, mapping, schedule, EnergyModel.horowitz45nm(), logic.luts(units));
        return new Compilation(net, arch, target, mapping, schedule, est, problems);
    }

    /** One multiplier per unit (two if an operand is wider than the DSP's), bounded by logic and the largest layer. */
    static int units(NetworkSpec net, ArchConfig arch, TargetDescriptor t, LogicModel logic, List<Problem> problems) {
        int largest = net.layers().stream().mapToInt(LayerSpec::neurons).max().orElse(1);
        int in = arch.numerics().input().bits(), w = arch.numerics().weightBits();
        boolean oneDsp = (in <= t.dsp().widthA() && w <= t.dsp().widthB()) || (w <= t.dsp().widthA() && in <= t.dsp().widthB());
        int perUnit = oneDsp ? 1 : 2;
        long byDsp = t.dsp().count().map(c -> (long) c / perUnit).orElse(Long.MAX_VALUE);
        long byLogic = (logic.capacity(t) - logic.sharedLuts()) / logic.lutsPerUnit();
        long units = Math.min(Math.min(byDsp, byLogic), largest);
        if (t.units().isPresent()) units = Math.min(units, t.units().get());
        if (byDsp < 1) problems.add(new Problem("dsp", perUnit + " multipliers of " + in + "x" + w + " bits per unit",
                t.name() + " has " + t.dsp().count().orElse(0) + " " + t.dsp().kind()));
        if (byLogic < 1) problems.add(new Problem("logic", logic.luts(1) + " LUT4 for one unit", t.name() + " has " + logic.capacity(t)));
        return (int) Math.max(1, units);
    }
}
