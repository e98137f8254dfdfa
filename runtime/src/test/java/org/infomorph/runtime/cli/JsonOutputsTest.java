package org.infomorph.runtime.cli;

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

/**
 * Every command's --json output against its documented shape (docs/report-schemas.json), and
 * against what the same run printed; the verify report of an injected RTL fault. (demo: the
 * Chromium test; synth: SynthCommandTest; sweep: the distributed module's tests.)
 */
class JsonOutputsTest {
    private static final String NET = "../examples/synthetic-context.json";

    private static JsonNode valid(String command, Path file) throws Exception {
        assertEquals(List.of(), JsonShapes.problems(command, file), command + " --json: " + Files.readString(file));
        return new ObjectMapper().readTree(file.toFile());
    }

    private static double printed(CliRun r, String prefix) {
        String line = r.out().lines().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(prefix + " in " + r.out()));
        return Double.parseDouble(line.substring(prefix.length()).replace("%", "").strip()) / 100;
    }

    @Test
    void trainAndRunAtEveryLevel(@TempDir Path dir) throws Exception {
        CliRun t = CliRun.of("train", NET, "--dataset", "synthetic", "--epochs", "2", "--json", dir.resolve("train.json").toString());
        assertEquals(0, t.exitCode(), t.err());
        JsonNode j = valid("train", dir.resolve("train.json"));
        assertEquals(3, j.path("epochs").size(), "epoch 0 and two learning epochs");
        assertEquals(printed(t, "test accuracy:"), j.path("test_accuracy").asDouble(), 5e-5);
        assertEquals(j.path("layers").get(0).path("atom_labels").size(), j.path("epochs").get(1).path("atoms").get(0).size());
        assertTrue(j.path("provenance").path("command").asText().startsWith("infomorph train " + NET));

        for (String level : List.of("paper", "hw-rule", "fixed")) {
            Path f = dir.resolve("run-" + level + ".json");
            CliRun r = CliRun.of("run", "--level", level, NET, "--dataset", "synthetic", "--learn", "--epochs", "1", "--state-hash", "--json", f.toString());
            assertEquals(0, r.exitCode(), r.err());
            JsonNode k = valid("run", f);
            assertEquals(level, k.path("level").asText());
            assertEquals(r.lastLine(), "state hash: " + k.path("state_hash").asText());
            assertEquals(printed(r, "test accuracy:"), k.path("test_accuracy").asDouble(), 5e-5);
            assertEquals(level.equals("fixed"), k.path("counters").isObject(), "saturation counters only at L2");
        }
    }

    @Test
    void fitGivesTheSameVerdictAsItsExitCode(@TempDir Path dir) throws Exception {
        for (String target : List.of("ice40up5k-icebreaker", "ecp5-85f-ulx3s")) {
            Path f = dir.resolve(target + ".json");
            CliRun r = CliRun.of("fit", "../examples/context.json", "--target", target, "--json", f.toString());
            JsonNode j = valid("fit", f);
            assertEquals(r.exitCode() == 0, j.path("fits").asBoolean(), r.out());
            assertEquals(target, j.path("resources").path("target").asText());
            assertTrue(j.path("resources").path("rows").size() >= 4, "lut, ff, dsp and the memories");
        }
    }

    @Test
    void aFaultyRtlRunReportsTheMismatchItsLocationAndTheWaveform(@TempDir Path dir) throws Exception {
        Path vcd = dir.resolve("m.vcd"), report = dir.resolve("report"), json = dir.resolve("verify.json");
        CliRun r = CliRun.of("verify", NET, "--dataset", "synthetic", "--units", "4", "--batches", "1", "--fault", "3", "--waveform", vcd.toString(),
                "--report", report.toString(), "--json", json.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        JsonNode j = valid("verify", json);
        JsonNode first = j.path("lockstep").path("first_mismatches").get(0);
        assertEquals("sample 3 of batch 0, layer hidden, unit 0, neuron 0, field spike", first.path("text").asText().replaceAll(": expected.*", ""));
        assertEquals(vcd.toString(), j.path("lockstep").path("waveform").asText());
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("<table id=\"table-mismatches\"") && html.contains("<td>0</td><td>3</td><td>hidden</td><td>0</td><td>0</td><td>spike</td>"),
                "the mismatch and its location");
        assertTrue(html.contains("<a href=\"../m.vcd\">"), "a link to the waveform beside the report");
        assertTrue(Files.size(report.resolve("../m.vcd")) > 1000, "the link leads to the waveform");
    }
}
