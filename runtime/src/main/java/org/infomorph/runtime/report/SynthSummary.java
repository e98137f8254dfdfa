package org.infomorph.runtime.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code infomorph synth} measured: the {@code --json FILE} output, format {@value #FORMAT}:
 * the synthesised resources beside the compiler's estimate and the capacity, Fmax when placed and
 * routed (else null), what is over and the smallest change (null when it fits).
 */
public record SynthSummary(String format, Provenance provenance, String generatorParameters, String tools, boolean cached,
        ResourceFigures resources, Double fmaxMhz, List<String> over, String smallestChange, boolean fits) {
    public static final String FORMAT = "infomorph-synth-summary/1";

    public SynthSummary {
        over = List.copyOf(over);
    }

    /** The synth report: resources, estimate beside synthesis, and how to repeat it. */
    public Report report(Path reportDir) {
        var sections = new java.util.ArrayList<Report.Section>();
        sections.add(Sections.resources(List.of(resources), "yosys's counts after synthesis beside the compiler's estimate and the target's capacity"
                + (fmaxMhz != null ? String.format(java.util.Locale.ROOT, "; Fmax %.2f MHz after place and route", fmaxMhz) : "") + "."));
        sections.add(provenance.section());
        return new Report("infomorph synth: " + resources.target(), (fits ? "fits" : "does NOT fit: " + String.join("; ", over))
                + (smallestChange != null ? "; smallest change: " + smallestChange : "") + "; " + tools, sections);
    }
}
