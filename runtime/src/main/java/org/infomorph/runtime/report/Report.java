package org.infomorph.runtime.report;

import java.util.List;

/**
 * A report for people, as data: a title, one line under it and sections of blocks. Pure steps
 * (e.g. {@link DemoReport}) build it from a command's figures; {@link HtmlReport} renders it.
 */
public record Report(String title, String subtitle, List<Section> sections) {
    public Report {
        sections = List.copyOf(sections);
    }

    /** A titled part of the report; {@code id} is its HTML anchor. */
    public record Section(String id, String title, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }

        public Section(String id, String title, Block... blocks) {
            this(id, title, List.of(blocks));
        }
    }

    /** What a section holds. */
    public sealed interface Block permits Text, Table, Plot, Image, Link {}

    /** A paragraph; a warning is set apart (e.g. a mismatch, a large saturation counter). */
    public record Text(String text, boolean warning) implements Block {
        public static Text of(String text) {
            return new Text(text, false);
        }

        public static Text warning(String text) {
            return new Text(text, true);
        }
    }

    /** A table of text cells; every row has the header's length. */
    public record Table(String id, List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
            for (List<String> r : rows)
                if (r.size() != header.size()) throw new IllegalArgumentException("table " + id + ": a row of " + r.size() + " cells under " + header.size() + " columns");
        }
    }

    /** A chart drawn by {@link PlotImage}: lines, points or bars of named series. */
    public record Plot(String id, String title, String xLabel, String yLabel, Kind kind, List<Series> series) implements Block {
        /** LINE and SCATTER: x against y; BAR: y per category; BOX: the distribution of each series' y. */
        public enum Kind { LINE, SCATTER, BAR, BOX }

        public Plot {
            series = List.copyOf(series);
        }
    }

    /** One series: x and y of equal length (for bars, x are the category positions 0..n-1 and {@code categories} name them). */
    public record Series(String name, List<Double> x, List<Double> y, List<String> categories, boolean dashed) {
        public Series {
            if (x.size() != y.size()) throw new IllegalArgumentException("series " + name + ": " + x.size() + " x against " + y.size() + " y");
            x = List.copyOf(x);
            y = List.copyOf(y);
            categories = List.copyOf(categories);
        }

        public static Series line(String name, List<Double> x, List<Double> y) {
            return new Series(name, x, y, List.of(), false);
        }

        public static Series reference(String name, List<Double> x, List<Double> y) {
            return new Series(name, x, y, List.of(), true);
        }

        public static Series values(String name, List<Double> y) {
            List<Double> x = new java.util.ArrayList<>();
            for (int i = 0; i < y.size(); i++) x.add((double) i);
            return new Series(name, x, y, List.of(), false);
        }

        public static Series bars(String name, List<String> categories, List<Double> y) {
            List<Double> x = new java.util.ArrayList<>();
            for (int i = 0; i < y.size(); i++) x.add((double) i);
            return new Series(name, x, y, categories, false);
        }
    }

    /** A picture a command already drew (e.g. a sweep's PNG), embedded as it is. */
    public record Image(String id, String caption, byte[] png) implements Block {}

    /** A link to a file beside the report (e.g. a waveform), relative to the report's folder. */
    public record Link(String text, String href) implements Block {}
}
