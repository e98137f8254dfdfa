package org.infomorph.distributed.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.distributed.eval.Level;
import org.infomorph.distributed.eval.MeanCi;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracy against width, per level: one PNG per width axis that varies (bins, weight, theta,
 * log2), the mean deterministic test accuracy over seeds with its 95% interval as error bars.
 * A series is a level with the values of the other varying axes; L0 (no architecture) is a flat line.
 */
public final class SweepPlots {
    /** Width axes: config column index in {@link SweepPoint#CONFIG_COLUMNS} and its name. */
    static final Map<Integer, String> WIDTHS = Map.of(4, "bins", 5, "weight_bits", 6, "theta_bits", 7, "log2_frac");

    private SweepPlots() {}

    /** Writes {@code accuracy-vs-AXIS.png} into {@code dir} for each varying width axis; returns the files. */
    public static List<Path> write(List<SweepTable.Group> groups, List<Boolean> varies, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int axis = 4; axis <= 7; axis++) {
            if (!varies.get(axis)) continue;
            Path f = dir.resolve("accuracy-vs-" + WIDTHS.get(axis).replace('_', '-') + ".png");
            chart(groups, varies, axis).ifPresent(c -> {
                try {
                    BitmapEncoder.saveBitmap(c, f.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            files.add(f);
        }
        return files;
    }

    private static java.util.Optional<XYChart> chart(List<SweepTable.Group> groups, List<Boolean> varies, int axis) {
        String name = WIDTHS.get(axis);
        Map<String, List<double[]>> series = new LinkedHashMap<>(); // label -> (x, mean, ci)
        Map<String, Double> paper = new LinkedHashMap<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SweepTable.Group g : groups) {
            MeanCi m = g.deterministic();
            if (m.n() == 0) continue;
            if (g.first().level() == Level.PAPER) {
                paper.put(label(g.config(), varies, axis), m.mean());
                continue;
            }
            double x = ((Number) g.config().get(axis)).doubleValue();
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            series.computeIfAbsent(label(g.config(), varies, axis), k -> new ArrayList<>())
                    .add(new double[] {x, 100 * m.mean(), Double.isNaN(m.halfWidth()) ? 0 : 100 * m.halfWidth()});
        }
        if (series.isEmpty()) return java.util.Optional.empty();
        XYChart c = new XYChartBuilder().width(900).height(560).title("test accuracy (deterministic) vs " + name + ", per level")
                .xAxisTitle(name).yAxisTitle("test accuracy, mean over seeds (%)").build();
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> pts = e.getValue();
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = pts.stream().mapToDouble(p -> p[0]).toArray(), y = pts.stream().mapToDouble(p -> p[1]).toArray(),
                    err = pts.stream().mapToDouble(p -> p[2]).toArray();
            XYSeries s = c.addSeries(e.getKey(), x, y, err);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        for (Map.Entry<String, Double> e : paper.entrySet())
            c.addSeries(e.getKey(), new double[] {lo, hi}, new double[] {100 * e.getValue(), 100 * e.getValue()}).setMarker(SeriesMarkers.NONE);
        return java.util.Optional.of(c);
    }

    /** The level and the other varying axes of a group, e.g. {@code fixed, theta_bits 6}. */
    private static String label(List<Object> config, List<Boolean> varies, int axis) {
        StringBuilder sb = new StringBuilder(String.valueOf(config.get(1)));
        for (int i = 0; i < config.size(); i++) {
            if (i == 1 || i == axis || !varies.get(i) || config.get(i) == null) continue;
            sb.append(", ").append(SweepPoint.CONFIG_COLUMNS.get(i)).append(' ').append(config.get(i));
        }
        return sb.toString();
    }
}
