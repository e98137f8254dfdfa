package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHARED = Path.of(System.getProperty("infomorph.shared", "../../shared"));
    @TempDir Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void noisyAndGoldenCaseThroughTheCommandLine() throws IOException {
        JsonNode golden = JSON.readTree(SHARED.resolve("testdata/goal-gradient-golden.json").toFile())
                .get("cases").get("noisyAND_2x2_outputgamma");
        Path pmf = write("pmf.json", JSON.writeValueAsString(JSON.createObjectNode().set("pmf", golden.get("pmf"))));
        CliRun r = CliRun.of("pid", "--pmf", pmf.toString(), "--gamma", "-0.2,0.1,1,0.1,0", "--gradient");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = JSON.readTree(r.out());
        for (int i = 0; i < 4; i++) assertEquals(golden.get("atoms").get(i).asDouble(), out.get("atoms").get(i).asDouble(), 1e-9);
        assertEquals(golden.get("atoms").get(4).asDouble(), out.get("H_res").asDouble(), 1e-9);
        assertEquals(golden.get("G").asDouble(), out.get("G").asDouble(), 1e-9);
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                assertEquals(golden.get("delta_g").get(a).get(b).asDouble(), out.get("delta_g").get(a).get(b).asDouble(), 1e-9);
    }

    @Test
    void outcomeCaseWithANonBinaryTarget() throws IOException {
        JsonNode copy = JSON.readTree(SHARED.resolve("testdata/pid-golden.json").toFile()).get("cases").get("copy");
        CliRun r = CliRun.of("pid", "--pmf", write("copy.json", copy.toString()).toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = JSON.readTree(r.out());
        for (int i = 0; i < 4; i++) assertEquals(copy.get("atoms").get(i).asDouble(), out.get("atoms").get(i).asDouble(), 1e-9);
        assertFalse(out.has("delta_g"));
    }

    @Test
    void badInputGetsOneLineAndExitCode2() throws IOException {
        assertBad(CliRun.of("pid", "--pmf", tmp.resolve("missing.json").toString()), "missing.json");
        assertBad(CliRun.of("pid", "--pmf", write("bad.json", "{\"pmf\": [[[0.5, 0.5]], ").toString()), "ends in the middle of a value");
        assertBad(CliRun.of("pid", "--pmf", write("sum.json", "{\"pmf\": [[[0.5, 0.1],[0.1,0.1]],[[0.1,0.1],[0.1,0.1]]]}").toString()), "1");
        assertBad(CliRun.of("pid", "--pmf", write("neg.json", "{\"pmf\": [[[0.5, -0.1],[0.1,0.1]],[[0.1,0.1],[0.1,0.2]]]}").toString()), "pmf[0][0][1]");
        Path ok = write("ok.json", "{\"pmf\": [[[0.25, 0],[0,0.25]],[[0,0.25],[0.25,0]]]}");
        assertBad(CliRun.of("pid", "--pmf", ok.toString(), "--gamma", "1,2,3"), "gamma");
        assertBad(CliRun.of("pid", "--pmf", ok.toString(), "--gamma", "1,x,3,4,5"), "gamma");
    }

    private static void assertBad(CliRun r, String mentions) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("error: "), err);
        assertTrue(err.contains(mentions), "'" + err + "' should mention " + mentions);
        assertFalse(err.contains("Exception"), "no stack trace: " + err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }
}
