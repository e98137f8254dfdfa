package org.infomorph.compiler.mapping;

import java.util.Map;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.targets.TargetDescriptor;

/**
 * Figures computed before any synthesis: cycles (the RTL's own schedule), rates at the target
 * clock, DSPs, logic (the calibrated model), memory blocks per memory kind (yosys's mapping of the
 * RTL's memories) and energy. {@code infomorph synth} puts the synthesised figures beside these.
 *
 * @param dspBoundCycles the lower bound of a sample: its multiply-accumulates divided by the lanes
 * @param memoryBlocks   per target memory name, blocks used
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
        long ffEstimate,
        long logicCellEstimate,
        boolean logicCalibrated,
        Map<String, Double> memoryBlocks,
        double inferenceEnergyNj,
        double learningEnergyNj) {

    public double ratioToDspBound() {
        return (double) sampleCycles / dspBoundCycles;
    }

    public static Estimates of(NetworkSpec net, ArchConfig arch, TargetDescriptor target, Mapping m, Schedule s, EnergyModel e,
                               LogicModel.Logic logic, Map<String, Double> blocks) {
        long macs = s.sampleMacs();
        long bound = (macs + m.units() - 1) / m.units();
        double hz = target.clock().targetMHz() * 1e6;
        long b = arch.learning().batchSize();
        double learnCyclesPerSample = s.learningSampleCycles() + (double) s.boundaryCycles() / b;
        int wb = arch.numerics().weightBits();
        double inferPj = macs * (e.macPj() + wb * e.sramBitPj()) + lookups(net) * e.lutLookupPj();
        long updates = s.learning().stream().mapToLong(Schedule.Phase::macs).sum();
        // a per-sample update reads and writes each weight and multiplies once
        double learnPj = inferPj + updates * (e.macPj() + 2 * wb * e.sramBitPj());
        return new Estimates(s.sampleCycles(), s.learningSampleCycles(), s.boundaryCycles(), macs, bound, target.clock().targetMHz(),
                hz / s.sampleCycles(), hz / learnCyclesPerSample, logic.dsps(), logic.luts(), logic.ffs(), logic.logicCells(), logic.calibrated(),
                Map.copyOf(blocks),
                inferPj / 1000, learnPj / 1000);
    }

    /** Two table lookups (modulation, theta) per neuron and step. */
    private static long lookups(NetworkSpec net) {
        long n = 0;
        for (var l : net.layers()) n += 2L * l.neurons() * net.steps();
        return n;
    }
}
