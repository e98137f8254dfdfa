package org.infomorph.distributed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infomorph.runtime.report.JsonShapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep --json against its documented shape and against runs.csv; the sweep's report embeds its plot. */
class SweepReportTest {
    static final String SPEC = """
            {"format": "infomorph-sweep/1", "network": "%s", "epochs": 1, "atomBatches": 1,
             "grid": {"datasets": ["synthetic"], "levels": ["paper", "fixed"], "weightBits": [6, 8], "seeds": [1, 2]}}
            """;

    @Test
    void jsonHasEveryRunAndTheReportEmbedsThePlot(@TempDir Path dir) throws Exception {
        Path network = Path.of(System.getProperty("infomorph.root", "..")).resolve("examples/synthetic-context.json").toAbsolutePath();
        Path spec = dir.resolve("sweep.json"), out = dir.resolve("out"), json = dir.resolve("summary.json");
        Files.writeString(spec, SPEC.formatted(network.toString().replace("\\", "/")));
        CliRun r = CliRun.of("sweep", spec.toString(), "--out", out.toString(), "--master", "local[1]", "--json", json.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(List.of(), JsonShapes.problems("sweep", json));
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        List<String> csv = Files.readAllLines(out.resolve(SweepCommand.RUNS));
        assertEquals(csv.size() - 1, j.path("runs").size(), "a JSON run per runs.csv row");
        assertEquals(6, j.path("runs").size()); // 2 paper + 2 widths x 2 seeds at fixed
        assertEquals(3, j.path("groups").size());
        assertEquals(List.of("accuracy-vs-weight-bits.png"), List.of(j.path("plots").get(0).asText()));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<table id=\"table-summary\"") && html.contains("<figure id=\"image-accuracy-vs-weight-bits\"><img"), "table and plot");
    }
}
