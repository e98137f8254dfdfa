package org.infomorph.runtime.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code infomorph synth} measured: the {@code --json} output, format {@value #FORMAT}: per
 * figure ({@code lut}, {@code ff}, {@code dsp}, each memory kind by the target's name, {@code lutram})
 * what synthesis used, the target's capacity and the compiler's estimate; Fmax when placed and
 * routed (else null); what is over and the smallest change (null when it fits).
 */
public record SynthSummary(String format, Provenance provenance, String target, String generatorParameters, int units, String tools, boolean cached,
        Map<String, Double> used, Map<String, Double> capacity, Map<String, Double> estimate, Double fmaxMhz, List<String> over, String smallestChange,
        boolean fits) {
    public static final String FORMAT = "infomorph-synth-summary/1";

    public SynthSummary {
        used = new LinkedHashMap<>(used);
        capacity = new LinkedHashMap<>(capacity);
        estimate = new LinkedHashMap<>(estimate);
        over = List.copyOf(over);
    }

    /** The figures as resource rows: the estimate beside what synthesis used, against the capacity. */
    public ResourceFigures resources(String mode) {
        List<ResourceFigures.Row> rows = new ArrayList<>();
        for (var e : used.entrySet()) rows.add(new ResourceFigures.Row(e.getKey(), estimate.get(e.getKey()), e.getValue(), capacity.get(e.getKey())));
        return new ResourceFigures(target, mode, units, fits, rows, over);
    }

    /** The synth report: resources (estimate beside synthesis) and how to repeat it. */
    public Report report(String mode) {
        String intro = "yosys's counts after synthesis (" + tools + (cached ? ", from the cache" : "") + ") beside the compiler's estimate and the target's capacity"
                + (fmaxMhz != null ? String.format(java.util.Locale.ROOT, "; Fmax %.2f MHz after place and route", fmaxMhz) : "") + ".";
        return new Report("infomorph synth: " + target, (fits ? "fits" : "does NOT fit: " + String.join("; ", over))
                + (smallestChange != null ? "; smallest change: " + smallestChange : "") + "; " + provenance.tool(),
                List.of(Sections.resources(List.of(resources(mode)), intro), provenance.section()));
    }

}
