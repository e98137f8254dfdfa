package org.infomorph.runtime.report;

import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Estimates;

/**
 * What {@code infomorph fit} found: the {@code --json} output, format {@value #FORMAT}: the
 * resources against the target, the performance estimates and the largest first layer of this
 * shape that fits (null if none; {@code largestIsLowerBound} when the search stopped at its limit).
 */
public record FitSummary(String format, Provenance provenance, String network, ResourceFigures resources, Performance performance,
        Integer largestFirstLayer, boolean largestIsLowerBound, boolean fits) {
    public static final String FORMAT = "infomorph-fit-summary/1";

    /** The compiler's estimates: cycles, throughput at the target clock and energy (45 nm op counts). Null where the mode has no learning. */
    public record Performance(long inferenceCyclesPerSample, Long learningCyclesPerSample, Long boundaryCycles, double clockMhz,
            double inferenceSamplesPerSecond, Double learningSamplesPerSecond, double inferenceEnergyNj, Double learningEnergyNj) {
        public static Performance of(Compilation c) {
            Estimates e = c.estimates();
            boolean learn = !c.schedule().learning().isEmpty();
            return new Performance(e.sampleCycles(), learn ? e.learningSampleCycles() : null, learn ? e.boundaryCycles() : null, e.clockMHz(),
                    e.inferenceSamplesPerSecond(), learn ? JsonSummary.num(e.learningSamplesPerSecond()) : null, e.inferenceEnergyNj(),
                    learn ? JsonSummary.num(e.learningEnergyNj()) : null);
        }
    }
}
