package org.infomorph.runtime.report;

import java.nio.file.Path;
import java.util.List;

/** What {@code infomorph verify} measured: the {@code --json} output (format {@value #FORMAT}) and its report's input. */
public record VerifySummary(String format, Provenance provenance, String image, String network, String spikes, LockstepSummary lockstep,
        boolean passed) {
    public static final String FORMAT = "infomorph-verify-summary/1";

    /** The verify report: the lockstep section (mismatches, their location, the waveform link, cycles) and how to repeat it. */
    public Report report(Path reportDir) {
        String verdict = passed ? "every compared value agrees" : lockstep.mismatches() + " MISMATCHES";
        return new Report("infomorph verify: " + network, image + ", " + spikes + " spikes; " + verdict + "; " + provenance.tool(),
                List.of(Sections.lockstep(lockstep, reportDir), provenance.section()));
    }
}
