package org.infomorph.runtime.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.runtime.fpga.SynthInputs;
import org.infomorph.runtime.fpga.SynthReport;

/**
 * Resources against a target's capacity: per figure ({@code lut}, {@code ff}, {@code dsp}, each
 * memory kind in blocks) the compiler's estimate, the synthesised count when synthesis ran, and
 * the capacity (null when the target has no limit).
 */
public record ResourceFigures(String target, String mode, int units, boolean fits, List<Row> rows, List<String> problems) {
    public ResourceFigures {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public record Row(String resource, Double estimate, Double synthesised, Double capacity) {
        /** The larger of estimate and synthesis as a share of the capacity (null without a capacity). */
        public Double share() {
            if (capacity == null || capacity == 0) return null;
            double used = Math.max(estimate == null ? 0 : estimate, synthesised == null ? 0 : synthesised);
            return used / capacity;
        }
    }

    /** The compiler's estimate of a compilation against its target (no synthesis). */
    public static ResourceFigures of(Compilation c) {
        return of(c, SynthInputs.estimate(c), Map.of());
    }

    /** The estimate beside what synthesis used. */
    public static ResourceFigures of(Compilation c, Map<String, Double> estimate, Map<String, Double> synthesised) {
        Map<String, Double> cap = c.target().unlimited() ? Map.of() : SynthReport.capacity(c.target(), FpgaFamily.of(c.target()));
        List<Row> rows = new ArrayList<>();
        for (var e : estimate.entrySet()) rows.add(new Row(e.getKey(), e.getValue(), synthesised.get(e.getKey()), cap.get(e.getKey())));
        for (var e : synthesised.entrySet()) if (!estimate.containsKey(e.getKey())) rows.add(new Row(e.getKey(), null, e.getValue(), cap.get(e.getKey())));
        List<String> problems = c.problems().stream().map(p -> p.resource() + " " + p.need() + ", " + p.capacity()).toList();
        return new ResourceFigures(c.target().name(), c.mapping().mode().toString().toLowerCase(java.util.Locale.ROOT), c.mapping().units(), c.fits(),
                rows, problems);
    }
}
