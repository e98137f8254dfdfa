package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.SafeOutput;
import org.infomorph.compiler.image.Image;
import org.infomorph.runtime.lockstep.Lockstep;
import org.infomorph.runtime.lockstep.StateDiff;
import org.infomorph.runtime.report.HtmlReport;
import org.infomorph.runtime.report.JsonSummary;
import org.infomorph.runtime.report.LockstepSummary;
import org.infomorph.runtime.report.Provenance;
import org.infomorph.runtime.report.VerifySummary;

/** The lockstep result for people: mismatches, measured against estimated cycles, simulation speed. */
final class VerifyReport {
    private VerifyReport() {}

    static void print(PrintWriter o, Image image, int units, String level, Lockstep.Result r, boolean stochastic) {
        // the schedule for the units that ran (the compiler's own choice may differ)
        double wall = Math.max(1e-9, r.rtlSeconds());
        if (level.equals("L3"))
            o.printf("samples: %,d in %d batches; L2 %.2f s, L3 %.2f s: %,.0f simulated cycles, %,.0f cycles/s; %.1f%% of L3 wall time outside the native model (Java + JNA)%n",
                    r.samples(), r.batches(), r.refSeconds(), r.rtlSeconds(), (double) r.rtlCycles(), r.rtlCycles() / wall,
                    100 * Math.max(0, wall - r.nativeSeconds()) / wall);
        else
            o.printf("samples: %,d in %d batches; L2 %.2f s, %s %.2f s (link included): %,.0f array cycles%n", r.samples(), r.batches(), r.refSeconds(),
                    level, r.rtlSeconds(), (double) r.rtlCycles());
        for (LockstepSummary.Cycles c : LockstepSummary.of(image, units, r, stochastic).cycles())
            o.printf("cycles per %s: measured %,.0f (min %,d, max %,d), compiler estimate %,d: %+.1f%%%n", c.step(), c.measuredMean(), c.measuredMin(),
                    c.measuredMax(), c.estimate(), 100 * (c.measuredMean() - c.estimate()) / Math.max(1, c.estimate()));
        StateDiff d = r.diff();
        if (d.mismatches() > 0) {
            o.println("FIRST MISMATCHES:");
            for (StateDiff.Mismatch m : d.first()) o.println("  " + m.describe());
            if (r.waveform() != null) o.println("waveform of the cycles around the first mismatch: " + r.waveform() + " (open with gtkwave)");
        } else if (d.compared() > 0) {
            o.println("every compared bit agrees: spikes and thetas of every sample, and the complete state after every batch");
        }
        o.printf("%d mismatches in %d compared values%n", d.mismatches(), d.compared());
    }

    /** Writes the report (index.html into {@code report}) and the JSON summary, each when asked for. */
    static void write(picocli.CommandLine.Model.CommandSpec spec, Path report, Path json, List<Path> inputs, Path imagePath, Image image, int units,
            Lockstep.Result r, boolean stochastic) throws java.io.IOException {
        if (report == null && json == null) return;
        VerifySummary s = new VerifySummary(VerifySummary.FORMAT, Provenance.of(spec,
                Map.of("image", image.seed()), Map.of()), imagePath.toString(), image.network().name(), stochastic ? "stochastic" : "deterministic",
                LockstepSummary.of(image, units, r, stochastic), r.passed());
        if (report != null)
            SafeOutput.write("--report", report, SafeOutput.Kind.REPORT, false, inputs,
                    dir -> Files.writeString(dir.resolve("index.html"), HtmlReport.render(s.report(report)), StandardCharsets.UTF_8));
        JsonSummary.write("--json", json, s);
    }
}
