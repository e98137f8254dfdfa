package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.infomorph.compiler.mapping.Allocation;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Estimates;
import org.infomorph.compiler.mapping.Schedule;
import org.infomorph.compiler.mapping.Units;

/** Prints a compilation: mapping, memory map, schedule and estimates, for people. */
final class CompilationReport {
    private CompilationReport() {}

    static void print(PrintWriter o, Compilation c) {
        var m = c.mapping();
        o.printf("target %s, mode %s: %d lanes (one multiplier each, %d per lane-memory word) and the engines; neuron j of a layer on lane j %% %d, slot j / %d%n",
                c.target().name(), m.mode(), m.units(), m.generator().lanesPerWord(), m.units(), m.units());
        for (int l = 0; l < c.network().layers().size(); l++)
            o.printf("  layer %-8s %5d neurons -> %4d slots per unit%n", c.network().layers().get(l).name(), c.network().layers().get(l).neurons(), m.slots().get(l));
        o.println("memory map:");
        o.printf("  %-8s %-10s %9s %9s %6s  %-12s %8s  %s%n", "memory", "ports", "instances", "depth", "width", "on", "blocks", "bits");
        for (Allocation a : m.allocations())
            o.printf("  %-8s %-10s %9d %9d %6d  %-12s %8.1f  %s%n", a.array().name(), a.array().ports().toString().toLowerCase(java.util.Locale.ROOT),
                    a.array().count(), a.array().depth(), a.array().width(), a.memory(), a.blocks(), Units.bits(a.bits()));
        Estimates e = c.estimates();
        o.println("schedule (cycles):");
        for (Schedule.Phase p : c.schedule().sample()) o.printf("  sample    %-22s %,10d cycles %,12d MACs%n", p.name(), p.cycles(), p.macs());
        for (Schedule.Phase p : c.schedule().learning()) o.printf("  learning  %-22s %,10d cycles %,12d MACs%n", p.name(), p.cycles(), p.macs());
        for (Schedule.Phase p : c.schedule().boundary()) o.printf("  boundary  %-22s %,10d cycles%n", p.name(), p.cycles());
        o.println("estimates:");
        o.printf("  inference: %,d cycles/sample; DSP-bound lower bound %,d (%,d MACs / %d lane multipliers): ratio %.3f%n", e.sampleCycles(),
                e.dspBoundCycles(), e.macsPerSample(), m.units(), e.ratioToDspBound());
        if (!c.schedule().learning().isEmpty())
            o.printf("  learning:  %,d cycles/sample + %,d cycles per batch boundary%n", e.learningSampleCycles(), e.boundaryCycles());
        o.printf("  at %.0f MHz: %,.0f inference samples/s", e.clockMHz(), e.inferenceSamplesPerSecond());
        if (!c.schedule().learning().isEmpty()) o.printf(", %,.0f learning samples/s", e.learningSamplesPerSecond());
        o.println();
        StringBuilder mem = new StringBuilder();
        for (Map.Entry<String, Double> b : e.memoryBlocks().entrySet()) {
            var kind = c.target().memory(b.getKey());
            String cap = kind.flatMap(k -> k.count()).map(n -> "/" + n).orElse("");
            mem.append(String.format(" %s %.1f%s blocks;", b.getKey(), b.getValue(), cap));
        }
        o.printf("  resources: %d%s DSPs, ~%,d%s %s and ~%,d flip-flops (%s),%s%n", e.dspsUsed(), c.target().dsp().count().map(n -> "/" + n).orElse(""),
                e.lutEstimate(), c.target().logic().count().map(n -> "/" + n).orElse(""), c.target().logic().kind(), e.ffEstimate(),
                e.logicCalibrated() ? "calibrated model" : "provisional model", mem);
        if (e.logicCellEstimate() > 0)
            o.printf("  logic cells: ~%,d%s (a LUT4 and a flip-flop each, in the pin shell; what decides on iCE40)%n", e.logicCellEstimate(),
                    c.target().logic().count().map(n -> "/" + n).orElse(""));
        o.printf("  energy (45 nm ASIC op counts, Horowitz 2014): %.1f nJ per inference sample", e.inferenceEnergyNj());
        if (!c.schedule().learning().isEmpty()) o.printf(", %.1f nJ per learning sample", e.learningEnergyNj());
        o.println();
    }
}
