package org.infomorph.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The schema check itself: it accepts a summary the writer made and refuses a wrong one (so the command tests can fail). */
class JsonShapesTest {
    @Test
    void aWrittenDemoSummaryConformsAndADamagedOneDoesNot() throws Exception {
        JsonNode ok = JsonSummary.MAPPER.readTree(JsonSummary.json(ReportFixtures.demo(true, "demo-mismatch.vcd", null)));
        assertEquals(java.util.List.of(), JsonShapes.problems("demo", ok));
        JsonNode withBoard = JsonSummary.MAPPER.readTree(JsonSummary.json(ReportFixtures.demo(false, null, null)));
        assertTrue(withBoard.path("board").isObject(), "the L4 lockstep");
        assertEquals(java.util.List.of(), JsonShapes.problems("demo", withBoard));
        ObjectNode badBoard = withBoard.deepCopy();
        badBoard.put("board", "passed");
        assertTrue(!JsonShapes.problems("demo", badBoard).isEmpty(), "a board that is neither null nor a lockstep");
        ObjectNode missing = ok.deepCopy();
        missing.remove("lockstep");
        assertTrue(JsonShapes.problems("demo", missing).stream().anyMatch(p -> p.contains("lockstep")), "a missing key");
        ObjectNode extra = ok.deepCopy();
        extra.put("surprise", 1);
        assertTrue(!JsonShapes.problems("demo", extra).isEmpty(), "an unknown key");
        ObjectNode wrongFormat = ok.deepCopy();
        wrongFormat.put("format", "infomorph-demo-summary/2");
        assertTrue(!JsonShapes.problems("demo", wrongFormat).isEmpty(), "another format version");
        ObjectNode badFraction = ok.deepCopy();
        ((ObjectNode) badFraction.path("ladder").get(0)).put("test_accuracy", 85.0);
        assertTrue(!JsonShapes.problems("demo", badFraction).isEmpty(), "a percentage where a fraction is due");
    }

    @Test
    void noNaNReachesTheJson() {
        String json = JsonSummary.json(new EpochFigures(0, JsonSummary.num(Double.NaN), 0.5, 0.5, null, java.util.List.of()));
        assertTrue(json.contains("\"train_accuracy\" : null"), json);
    }

    @Test
    void theSchemaFileIsWhereTheTestsLook() {
        assertTrue(java.nio.file.Files.isRegularFile(JsonShapes.SCHEMAS), JsonShapes.SCHEMAS.toAbsolutePath().toString());
        assertTrue(Path.of("..", "docs", "report.md").toFile().isFile(), "docs/report.md documents the shapes");
    }
}
