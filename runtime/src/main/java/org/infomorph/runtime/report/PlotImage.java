package org.infomorph.runtime.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a {@link Report.Plot} with XChart as SVG (text stays text, so the page stays sharp and searchable). */
public final class PlotImage {
    static final int WIDTH = 760, HEIGHT = 380;

    private PlotImage() {}

    /** The plot as an SVG document. */
    public static String svg(Report.Plot p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart(p), bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The plot as a {@code data:} URI, for an {@code <img>} that needs no file and no network. */
    public static String dataUri(Report.Plot p) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg(p).getBytes(StandardCharsets.UTF_8));
    }

    static Chart<?, ?> chart(Report.Plot p) {
        return switch (p.kind()) {
            case LINE, SCATTER -> xy(p);
            case BAR -> bars(p);
            case BOX -> boxes(p);
        };
    }

    private static XYChart xy(Report.Plot p) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(p.title()).xAxisTitle(p.xLabel()).yAxisTitle(p.yLabel()).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (Report.Series s : p.series()) {
            if (s.x().isEmpty()) continue;
            XYSeries x = c.addSeries(s.name(), new java.util.ArrayList<>(s.x()), new java.util.ArrayList<>(s.y()));
            x.setMarker(p.kind() == Report.Plot.Kind.SCATTER || s.x().size() < 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (p.kind() == Report.Plot.Kind.SCATTER) x.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            if (s.dashed()) x.setLineStyle(SeriesLines.DASH_DASH);
        }
        return c;
    }

    private static CategoryChart bars(Report.Plot p) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(p.title()).xAxisTitle(p.xLabel()).yAxisTitle(p.yLabel()).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (Report.Series s : p.series()) if (!s.y().isEmpty()) c.addSeries(s.name(), new java.util.ArrayList<>(s.categories()), new java.util.ArrayList<>(s.y()));
        return c;
    }

    private static BoxChart boxes(Report.Plot p) {
        BoxChart c = new BoxChartBuilder().width(WIDTH).height(HEIGHT).title(p.title()).xAxisTitle(p.xLabel()).yAxisTitle(p.yLabel()).build();
        style(c.getStyler());
        c.getStyler().setLegendVisible(false);
        for (Report.Series s : p.series()) if (!s.y().isEmpty()) c.addSeries(s.name(), new java.util.ArrayList<>(s.y())); // XChart asks contains(null), which an immutable list refuses
        return c;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(java.awt.Color.WHITE);
        s.setChartTitleBoxVisible(false);
        s.setLegendBorderColor(java.awt.Color.WHITE);
    }
}
