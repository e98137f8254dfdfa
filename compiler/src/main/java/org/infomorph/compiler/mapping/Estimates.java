package org.infomorph.compiler.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.targets.TargetDescriptor;

/**
 * Figures computed from the schedule and the allocation, before any synthesis: cycles, rates at
 * the target clock, memory and DSP use and energy. Later issues set measured RTL cycles and
 * synthesis reports beside these fields, name for name.
 *
 * @param dspBoundCycles the lower bound of a sample: its multiply-accumulates divided by the DSPs used
 * @param memoryBlocks   per memory kind, blocks used
 * @param memoryBits     per memory kind, bits of the blocks used
 */
public record Estimates(
        long sampleCycles,
        long learningSampleCycles,
        long boundaryCycles,
        long macsPerSample,
        long dspBoundCycles,
        double clockMHz,
        double inferenceSamplesPerSecond,
        double learningSamplesPerSecond,
        int dspsUsed,
        long lutEstimate,
        Map<String, Long> memoryBlocks,
        Map<String, Long> memoryBits,
        double inferenceEnergyNj,
        double learningEnergyNj) {

    public double ratioToDspBound() {
        return (double) sampleCycles / dspBoundCycles;
    }

    public static Estimates of(NetworkSpec net, ArchConfig arch, TargetDescriptor target, Mapping m, Schedule s, EnergyModel e, long lutEstimate) {
        Map<String, Long> blocks = new LinkedHashMap<>(), bits = new LinkedHashMap<>();
        for (Allocation a : m.allocations()) {
            blocks.merge(a.memory(), a.blocks(), Long::sum);
            bits.merge(a.memory(), a.capacityBits(), Long::sum);
        }
        long macs = s.sampleMacs();
        long bound = (macs + m.units() - 1) / m.units();
        double hz = target.clock().targetMHz() * 1e6;
        long b = arch.learning().batchSize();
        double learnCyclesPerSample = s.learningSampleCycles() + (double) s.boundaryCycles() / b;
        int wb = arch.numerics().weightBits();
        double inferPj = macs * (e.macPj() + wb * e.sramBitPj()) + lookups(net) * e.lutLookupPj();
        long gradMacs = s.learning().stream().mapToLong(Schedule.Phase::macs).sum();
        int gb = arch.numerics().gradientBits();
        double learnPj = inferPj + gradMacs * (e.macPj() + 2 * gb * e.sramBitPj())
                + (double) gradMacs / b * (gb + 2 * wb) * e.sramBitPj();
        return new Estimates(s.sampleCycles(), s.learningSampleCycles(), s.boundaryCycles(), macs, bound, target.clock().targetMHz(),
                hz / s.sampleCycles(), hz / learnCyclesPerSample, m.units(), lutEstimate, blocks, bits, inferPj / 1000, learnPj / 1000);
    }

    /** Two table lookups (modulation, theta) per neuron and step. */
    private static long lookups(NetworkSpec net) {
        long n = 0;
        for (var l : net.layers()) n += 2L * l.neurons() * net.steps();
        return n;
    }
}
