package org.infomorph.distributed.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.distributed.eval.EvalResult;
import org.infomorph.distributed.eval.MeanCi;
import org.infomorph.runtime.report.JsonSummary;
import org.infomorph.runtime.report.Provenance;
import org.infomorph.runtime.report.Report;

/**
 * What {@code infomorph sweep} measured: the {@code --json} output, format {@value #FORMAT}
 * (docs/report.md): every run with its configuration and figures (the rows of runs.csv), every
 * configuration's mean and 95% interval over seeds (summary.csv), and the plots written.
 */
public record SweepSummary(String format, Provenance provenance, String network, int epochs, List<RunRow> runs, List<GroupRow> groups,
        List<String> plots, double wallSeconds) {
    public static final String FORMAT = "infomorph-sweep-summary/1";

    public SweepSummary {
        runs = List.copyOf(runs);
        groups = List.copyOf(groups);
        plots = List.copyOf(plots);
    }

    /** One run: its configuration (the config columns; null where the level has none) and what it measured (null where it did not get there). */
    public record RunRow(int index, Map<String, Object> config, String status, Double trainAccuracy, Double testAccuracy, Double testAccuracyDeterministic,
            Double meanAtomErrorBits, Map<String, Long> saturation, double seconds, String problem) {}

    /** A mean over seeds with its two-sided 95% interval (null bounds for fewer than two runs). */
    public record Interval(int n, Double mean, Double low, Double high) {
        static Interval of(MeanCi m) {
            return new Interval(m.n(), JsonSummary.num(m.mean()), JsonSummary.num(m.low()), JsonSummary.num(m.high()));
        }
    }

    /** One configuration over its seeds. */
    public record GroupRow(Map<String, Object> config, int runs, long ok, Interval testAccuracyDeterministic, Interval testAccuracy, Interval meanAtomErrorBits) {}

    public static SweepSummary of(Provenance p, String network, int epochs, List<SweepTable.Run> runs, List<SweepTable.Group> groups, List<Path> plots,
            double wallSeconds) {
        List<RunRow> rr = new ArrayList<>();
        for (SweepTable.Run r : runs) {
            EvalResult e = r.result();
            rr.add(new RunRow(r.point().index(), config(r.point().config()), e.status().name().toLowerCase(java.util.Locale.ROOT),
                    JsonSummary.num(e.trainAccuracy()), JsonSummary.num(e.testAccuracy()), JsonSummary.num(e.deterministicAccuracy()),
                    JsonSummary.num(e.meanAtomError()), e.saturation(), e.seconds(), e.problem()));
        }
        List<GroupRow> gr = new ArrayList<>();
        for (SweepTable.Group g : groups)
            gr.add(new GroupRow(config(g.config()), g.runs().size(), g.runs().stream().filter(r -> r.result().ok()).count(), Interval.of(g.deterministic()),
                    Interval.of(g.reference()), Interval.of(g.atomError())));
        return new SweepSummary(FORMAT, p, network, epochs, rr, gr, plots.stream().map(f -> f.getFileName().toString()).toList(), wallSeconds);
    }

    private static Map<String, Object> config(List<Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) m.put(SweepPoint.CONFIG_COLUMNS.get(i), values.get(i));
        return m;
    }

    /** The sweep's report: the summary table, its plots (the PNGs beside it, embedded) and how to repeat it. */
    public Report report(Path dir) throws IOException {
        List<Report.Block> b = new ArrayList<>();
        List<String> header = new ArrayList<>(groups.isEmpty() ? List.of() : groups.get(0).config().keySet());
        header.addAll(List.of("runs", "ok", "test (deterministic)", "test (reference)", "atom error (bit)"));
        List<List<String>> rows = new ArrayList<>();
        for (GroupRow g : groups) {
            List<String> row = new ArrayList<>();
            g.config().values().forEach(v -> row.add(v == null ? "–" : String.valueOf(v)));
            row.addAll(List.of(String.valueOf(g.runs()), String.valueOf(g.ok()), pct(g.testAccuracyDeterministic()), pct(g.testAccuracy()),
                    g.meanAtomErrorBits().mean() == null ? "–" : String.format(java.util.Locale.ROOT, "%.4f", g.meanAtomErrorBits().mean())));
            rows.add(row);
        }
        b.add(new Report.Table("summary", header, rows));
        b.add(Report.Text.of(runs.size() + " runs of " + epochs + " epochs in " + String.format(java.util.Locale.ROOT, "%.1f s", wallSeconds)
                + "; every run is a row of runs.csv beside this page, every configuration a row of summary.csv."));
        for (String f : plots) {
            Path png = dir.resolve(f);
            if (Files.isRegularFile(png)) b.add(new Report.Image(f.replace(".png", ""), f.replace(".png", "").replace('-', ' '), Files.readAllBytes(png)));
        }
        return new Report("infomorph sweep: " + network, runs.size() + " runs; " + provenance.tool(),
                List.of(new Report.Section("summary", "Accuracy and atom error per configuration", b), provenance.section()));
    }

    private static String pct(Interval i) {
        if (i.mean() == null) return "–";
        return i.low() == null ? String.format(java.util.Locale.ROOT, "%.2f%%", 100 * i.mean())
                : String.format(java.util.Locale.ROOT, "%.2f%% ± %.2f", 100 * i.mean(), 100 * (i.high() - i.mean()));
    }
}
