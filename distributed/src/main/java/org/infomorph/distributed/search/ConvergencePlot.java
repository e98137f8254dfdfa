package org.infomorph.distributed.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The search's convergence as a PNG: every evaluation's objective, and the best so far. */
public final class ConvergencePlot {
    private ConvergencePlot() {}

    public static void write(Collection<SearchRow> rows, String title, Path file) throws IOException {
        List<Double> x = new ArrayList<>(), y = new ArrayList<>(), bx = new ArrayList<>(), by = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (SearchRow r : rows) {
            if (!r.ok()) continue;
            x.add((double) r.index());
            y.add(100 * r.objective());
            best = Math.max(best, r.objective());
            bx.add((double) r.index());
            by.add(100 * best);
        }
        if (x.isEmpty()) return;
        XYChart c = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("evaluation").yAxisTitle("objective (validation accuracy, %)").build();
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        XYSeries all = c.addSeries("evaluation", x, y);
        all.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        all.setMarker(SeriesMarkers.CIRCLE);
        c.addSeries("best so far", bx, by).setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(c, file.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }
}
