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
        o.printf("target %s, mode %s: %d units (one multiplier each); neuron j of a layer on unit j %% %d, slot j / %d%n", c.target().name(),
                m.mode(), m.units(), m.units(), m.units());
        for (int l = 0; l < c.network().layers().size(); l++)
            o.printf("  layer %-8s %5d neurons -> %4d slots per unit%n", c.network().layers().get(l).name(), c.network().layers().get(l).neurons(), m.slots().get(l));
        o.println("memory map:");
        o.printf("  %-13s %-8s %6s %9s %5s  %-28s %7s  %s%n", "array", "memory", "lanes", "depth", "bits", "layout", "blocks", "used/capacity");
        for (Allocation a : m.allocations()) {
            String layout = a.lanesPerWord() > 0 ? a.lanesPerWord() + " lanes/word, " + a.groups() + " groups" : a.blocksWide() + " blocks/word, " + a.groups() + " lanes";
            o.printf("  %-13s %-8s %6d %9d %5d  %-28s %7d  %s / %s%n", a.array().name(), a.memory(), a.array().lanes(), a.array().depth(), a.array().bits(),
                    layout + ", " + a.blocksDeep() + " deep", a.blocks(), Units.bits(a.array().totalBits()), Units.bits(a.capacityBits()));
        }
        Estimates e = c.estimates();
        o.println("schedule (cycles):");
        for (Schedule.Phase p : c.schedule().sample()) o.printf("  sample    %-22s %,10d cycles %,12d MACs%n", p.name(), p.cycles(), p.macs());
        for (Schedule.Phase p : c.schedule().learning()) o.printf("  learning  %-22s %,10d cycles %,12d MACs%n", p.name(), p.cycles(), p.macs());
        for (Schedule.Phase p : c.schedule().boundary()) o.printf("  boundary  %-22s %,10d cycles%n", p.name(), p.cycles());
        o.println("estimates:");
        o.printf("  inference: %,d cycles/sample; DSP-bound lower bound %,d (%,d MACs / %d DSPs): ratio %.3f%n", e.sampleCycles(),
                e.dspBoundCycles(), e.macsPerSample(), e.dspsUsed(), e.ratioToDspBound());
        if (!c.schedule().learning().isEmpty())
            o.printf("  learning:  %,d cycles/sample + %,d cycles per batch boundary%n", e.learningSampleCycles(), e.boundaryCycles());
        o.printf("  at %.0f MHz: %,.0f inference samples/s", e.clockMHz(), e.inferenceSamplesPerSecond());
        if (!c.schedule().learning().isEmpty()) o.printf(", %,.0f learning samples/s", e.learningSamplesPerSecond());
        o.println();
        StringBuilder mem = new StringBuilder();
        for (Map.Entry<String, Long> b : e.memoryBlocks().entrySet()) {
            var kind = c.target().memory(b.getKey());
            String cap = kind.flatMap(k -> k.count()).map(n -> "/" + n).orElse("");
            mem.append(String.format(" %s %d%s blocks (%s);", b.getKey(), b.getValue(), cap, Units.bits(e.memoryBits().get(b.getKey()))));
        }
        o.printf("  resources: %d%s DSPs, ~%,d LUT4 (model),%s%n", e.dspsUsed(), c.target().dsp().count().map(n -> "/" + n).orElse(""), e.lutEstimate(), mem);
        o.printf("  energy (45 nm ASIC op counts, Horowitz 2014): %.1f nJ per inference sample", e.inferenceEnergyNj());
        if (!c.schedule().learning().isEmpty()) o.printf(", %.1f nJ per learning sample", e.learningEnergyNj());
        o.println();
    }
}
