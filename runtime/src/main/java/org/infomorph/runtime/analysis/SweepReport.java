package org.infomorph.runtime.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.runtime.report.Provenance;
import org.infomorph.runtime.report.Report;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes the pid-error sweep as CSV (one row per variant and layer) and a PNG with one panel per parameter. */
public final class SweepReport {
    private SweepReport() {}

    public static void csv(List<PidErrorSweep.Point> points, List<String> layers, List<String[]> atomLabels, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("parameter,value,layer,mean_abs_atom_error_bits,arithmetic_error_bits,deterministic_accuracy");
        int maxAtoms = atomLabels.stream().mapToInt(a -> a.length).max().orElse(0);
        for (int a = 0; a < maxAtoms; a++) sb.append(",atom").append(a);
        sb.append(",problem\n");
        for (PidErrorSweep.Point p : points) {
            if (p.problem() != null) {
                sb.append(p.variant().parameter()).append(',').append(p.variant().value()).append(",,,,,");
                sb.append(",".repeat(maxAtoms)).append('"').append(p.problem().replace('"', '\'')).append("\"\n");
                continue;
            }
            for (int l = 0; l < layers.size(); l++) {
                sb.append(p.variant().parameter()).append(',').append(p.variant().value()).append(',').append(layers.get(l)).append(',')
                        .append(p.meanError().get(l)).append(',').append(p.arithmeticError().get(l)).append(',').append(p.accuracy());
                double[] e = p.atomError().get(l);
                for (int a = 0; a < maxAtoms; a++) sb.append(',').append(a < e.length ? String.valueOf(e[a]) : "");
                sb.append(",\n");
            }
        }
        Files.writeString(file, sb.toString());
    }

    /** The sweep's page: one row per variant (atom error per layer, accuracy) and the PNG of {@link #png}, embedded. */
    public static Report report(List<PidErrorSweep.Point> points, List<String> layers, Path png, Provenance provenance) throws IOException {
        List<String> header = new ArrayList<>(List.of("parameter", "value"));
        for (String l : layers) header.addAll(List.of(l + " |atom error| (bit)", l + " arithmetic (bit)"));
        header.add("accuracy (deterministic)");
        List<List<String>> rows = new ArrayList<>();
        for (PidErrorSweep.Point p : points) {
            List<String> row = new ArrayList<>(List.of(p.variant().parameter(), String.valueOf(p.variant().value())));
            for (int l = 0; l < layers.size(); l++) {
                row.add(p.problem() != null ? "–" : String.format(java.util.Locale.ROOT, "%.5f", p.meanError().get(l)));
                row.add(p.problem() != null ? "–" : String.format(java.util.Locale.ROOT, "%.6f", p.arithmeticError().get(l)));
            }
            row.add(p.problem() != null ? "cannot hold the network" : String.format(java.util.Locale.ROOT, "%.2f%%", 100 * p.accuracy()));
            rows.add(row);
        }
        List<Report.Block> b = new ArrayList<>();
        b.add(new Report.Table("pid-error", header, rows));
        if (Files.isRegularFile(png)) b.add(new Report.Image("pid-error", "PID error and accuracy per parameter", Files.readAllBytes(png)));
        return new Report("infomorph pid-error", "fixed-point against float64 PID, one parameter at a time; " + provenance.tool(),
                List.of(new Report.Section("sweep", "Atom error and accuracy per variant", b), provenance.section()));
    }

    private static XYChart blank() {
        XYChart c = new XYChartBuilder().width(520).height(360).title(" ").build();
        c.getStyler().setAxisTicksVisible(false).setPlotGridLinesVisible(false).setLegendVisible(false).setPlotBorderVisible(false);
        return c;
    }

    public static void png(List<PidErrorSweep.Point> points, List<String> layers, Path file) throws IOException {
        Map<String, List<PidErrorSweep.Point>> byParam = new LinkedHashMap<>();
        for (PidErrorSweep.Point p : points) if (p.problem() == null) byParam.computeIfAbsent(p.variant().parameter(), k -> new ArrayList<>()).add(p);
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<PidErrorSweep.Point>> e : byParam.entrySet()) {
            XYChart c = new XYChartBuilder().width(520).height(360).title("PID error and accuracy vs " + e.getKey())
                    .xAxisTitle(e.getKey()).yAxisTitle("mean |atom error| (bit)").build();
            c.getStyler().setYAxisLogarithmic(true);
            c.setYAxisGroupTitle(1, "test accuracy (det.)");
            List<Double> x = new ArrayList<>();
            for (PidErrorSweep.Point p : e.getValue()) x.add((double) p.variant().value());
            for (int l = 0; l < layers.size(); l++) {
                List<Double> y = new ArrayList<>();
                for (PidErrorSweep.Point p : e.getValue()) y.add(Math.max(1e-6, p.meanError().get(l)));
                c.addSeries(layers.get(l) + " atom error", x, y).setMarker(SeriesMarkers.CIRCLE);
            }
            List<Double> acc = new ArrayList<>();
            for (PidErrorSweep.Point p : e.getValue()) acc.add(p.accuracy());
            XYSeries a = c.addSeries("accuracy", x, acc);
            a.setYAxisGroup(1);
            a.setMarker(SeriesMarkers.DIAMOND);
            charts.add(c);
        }
        if (charts.isEmpty()) return;
        if (charts.size() > 1 && charts.size() % 2 == 1) charts.add(blank()); // the grid must be full
        int cols = Math.min(2, charts.size()), rows = (charts.size() + cols - 1) / cols;
        String name = file.toString().replaceAll("\\.png$", "");
        BitmapEncoder.saveBitmap(charts, rows, cols, name, BitmapEncoder.BitmapFormat.PNG);
    }
}
