package org.infomorph.runtime.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Report sections that several commands share: the lockstep check, resources against capacity, cells. */
public final class Sections {
    private Sections() {}

    /** A fraction as a percentage cell, or a dash. */
    static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    /** A signed difference of fractions in percentage points, or a dash. */
    static String points(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%+.2f pt", 100 * v);
    }

    static String num(Double v) {
        if (v == null) return "–";
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", v.longValue()) : String.format(Locale.ROOT, "%,.1f", v);
    }

    /**
     * The lockstep check of L3 against L2 (section "rtl"): compared values and mismatches, the first mismatches with
     * their location, a link to the waveform (relative to {@code reportDir}), and the cycles
     * measured against the compiler's estimate as a table and a plot.
     */
    public static Report.Section lockstep(LockstepSummary s, Path reportDir) {
        return lockstep("rtl", "L3", s, reportDir);
    }

    /** The same for level L3 (section id "rtl") or L4 ("board", the simulated board); a non-"rtl" id prefixes the tables' and plots' ids. */
    public static Report.Section lockstep(String id, String level, LockstepSummary s, Path reportDir) {
        String p = id.equals("rtl") ? "" : id + "-";
        String device = level.equals("L4") ? "the board (L4)" : "the RTL (L3)";
        List<Report.Block> b = new ArrayList<>();
        b.add(new Report.Table(p + "lockstep", List.of("LLUs", "samples", "batches", "compared values", "mismatches", "L2 time", level + " time", "simulated cycles"),
                List.of(List.of(String.valueOf(s.units()), num((double) s.samples()), String.valueOf(s.batches()), num((double) s.compared()),
                        num((double) s.mismatches()), String.format(Locale.ROOT, "%.2f s", s.l2Seconds()), String.format(Locale.ROOT, "%.2f s", s.l3Seconds()),
                        num((double) s.simulatedCycles())))));
        if (s.mismatches() > 0) {
            b.add(Report.Text.warning(String.format(Locale.ROOT, "%,d mismatches in %,d compared values: %s differs from the bit-exact model (L2). First: %s",
                    s.mismatches(), s.compared(), device, s.firstMismatches().isEmpty() ? "?" : s.firstMismatches().get(0).text())));
            List<List<String>> rows = new ArrayList<>();
            for (LockstepSummary.Mismatch m : s.firstMismatches())
                rows.add(List.of(String.valueOf(m.batch()), m.sample() < 0 ? "state after batch" : String.valueOf(m.sample()), m.layer(),
                        m.unit() < 0 ? "–" : String.valueOf(m.unit()), m.neuron() < 0 ? "–" : String.valueOf(m.neuron()),
                        m.field() + (m.index() >= 0 ? "[" + m.index() + "]" : ""), String.valueOf(m.expected()), String.valueOf(m.actual())));
            b.add(new Report.Table(p + "mismatches", List.of("batch", "sample", "layer", "unit", "neuron", "field", "expected (L2)", level), rows));
            if (s.waveform() != null)
                b.add(new Report.Link("waveform of the cycles around the first mismatch: " + Path.of(s.waveform()).getFileName() + " (open with gtkwave)",
                        link(reportDir, Path.of(s.waveform()))));
        } else if (s.compared() > 0) {
            b.add(Report.Text.of("Every compared bit agrees: the spikes and output thetas of every sample and the complete state after every batch."));
        } else {
            b.add(Report.Text.warning("Nothing was compared."));
        }
        if (!s.cycles().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            List<String> cats = new ArrayList<>();
            List<Double> measured = new ArrayList<>(), estimated = new ArrayList<>();
            for (LockstepSummary.Cycles c : s.cycles()) {
                rows.add(List.of(c.step(), num(c.measuredMean()), num((double) c.measuredMin()), num((double) c.measuredMax()), num((double) c.estimate()),
                        String.format(Locale.ROOT, "%+.1f%%", 100 * (c.measuredMean() - c.estimate()) / Math.max(1, c.estimate()))));
                cats.add(c.step());
                measured.add(c.measuredMean());
                estimated.add((double) c.estimate());
            }
            b.add(new Report.Table(p + "cycles", List.of("cycles per", "measured (mean)", "min", "max", "compiler estimate", "difference"), rows));
            b.add(new Report.Plot(p + "cycles", "cycles measured on " + device + " against the compiler's estimate", "", "cycles", Report.Plot.Kind.BAR,
                    List.of(Report.Series.bars("measured (" + level + ")", cats, measured), Report.Series.bars("estimate (compiler)", cats, estimated))));
        }
        return new Report.Section(id, level + ": " + (level.equals("L4") ? "the simulated board, over its host link," : "the RTL") + " in lockstep with L2", b);
    }

    /** A path as the report links it: relative to the report's folder. */
    static String link(Path reportDir, Path file) {
        Path base = reportDir.toAbsolutePath().normalize(), f = file.toAbsolutePath().normalize();
        return base.relativize(f).toString().replace('\\', '/');
    }

    /** Resources against capacity, per target: a table and the share of each capacity as bars. */
    public static Report.Section resources(List<ResourceFigures> targets, String intro) {
        List<Report.Block> b = new ArrayList<>();
        b.add(Report.Text.of(intro));
        List<List<String>> rows = new ArrayList<>();
        List<Report.Series> bars = new ArrayList<>();
        boolean synth = targets.stream().anyMatch(t -> t.rows().stream().anyMatch(r -> r.synthesised() != null));
        for (ResourceFigures t : targets) {
            List<String> cats = new ArrayList<>();
            List<Double> share = new ArrayList<>();
            for (ResourceFigures.Row r : t.rows()) {
                List<String> row = new ArrayList<>(List.of(t.target(), r.resource(), num(r.estimate())));
                if (synth) row.add(num(r.synthesised()));
                row.add(num(r.capacity()));
                row.add(r.share() == null ? "–" : String.format(Locale.ROOT, "%.1f%%%s", 100 * r.share(), r.share() > 1 ? " OVER" : ""));
                rows.add(row);
                if (r.share() != null) {
                    cats.add(r.resource());
                    share.add(100 * r.share());
                }
            }
            if (!cats.isEmpty()) bars.add(Report.Series.bars(t.target(), cats, share));
            if (!t.fits()) b.add(Report.Text.warning(t.target() + " (" + t.mode() + ", " + t.units() + " LLUs) does not fit: " + String.join("; ", t.problems())));
        }
        List<String> header = new ArrayList<>(List.of("target", "resource", "estimate"));
        if (synth) header.add("synthesised");
        header.addAll(List.of("capacity", "used"));
        b.add(1, new Report.Table("resources", header, rows));
        if (!bars.isEmpty() && sameCategories(bars))
            b.add(new Report.Plot("resources", "share of each target's capacity (100% = full)", "", "% of capacity", Report.Plot.Kind.BAR, bars));
        else for (Report.Series s : bars)
            b.add(new Report.Plot("resources-" + s.name(), s.name() + ": share of capacity (100% = full)", "", "% of capacity", Report.Plot.Kind.BAR, List.of(s)));
        return new Report.Section("resources", "Resources against capacity", b);
    }

    /** XChart's category chart needs the same categories in every series. */
    private static boolean sameCategories(List<Report.Series> s) {
        return s.stream().allMatch(x -> x.categories().equals(s.get(0).categories()));
    }
}
