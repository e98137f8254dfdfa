package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quantize, run (three levels) and pid-error through the command line, on the synthetic data set. */
class LadderCommandsTest {
    private static final String NET = "../examples/synthetic-context.json";
    @TempDir static Path tmp;
    private static Path trained;

    @BeforeAll
    static void train() {
        trained = tmp.resolve("trained");
        CliRun r = CliRun.of("train", NET, "--dataset", "synthetic", "--epochs", "3", "--no-atoms", "--out", trained.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    private static String hash(CliRun r) {
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.lastLine().matches("state hash: [0-9a-f]{64}"), r.lastLine());
        return r.lastLine();
    }

    @Test
    void onChipLearningIsDeterministicAndSeeded() {
        String[] args = {"run", "--level", "fixed", NET, "--dataset", "synthetic", "--learn", "--epochs", "1", "--state-hash"};
        String a = hash(CliRun.of(args)), b = hash(CliRun.of(args));
        assertEquals(a, b);
        String[] other = List.of("run", "--level", "fixed", NET, "--dataset", "synthetic", "--learn", "--epochs", "1", "--state-hash", "--seed", "7")
                .toArray(String[]::new);
        assertNotEquals(a, hash(CliRun.of(other)));
    }

    @Test
    void floatLevelsLearnAndHash() {
        for (String level : new String[] {"paper", "hw-rule"}) {
            CliRun r = CliRun.of("run", "--level", level, NET, "--dataset", "synthetic", "--learn", "--epochs", "2", "--state-hash");
            hash(r);
            assertTrue(r.out().contains("test accuracy: "), r.out());
        }
        CliRun noWeights = CliRun.of("run", "--level", "paper", NET, "--dataset", "synthetic");
        assertEquals(2, noWeights.exitCode());
        assertTrue(noWeights.err().contains("needs trained weights"), noWeights.err());
    }

    @Test
    void quantizeThenInferOnTheReferenceModel() throws IOException {
        Path image = tmp.resolve("image");
        CliRun q = CliRun.of("quantize", trained.toString(), "-o", image.toString());
        assertEquals(0, q.exitCode(), q.err());
        assertTrue(q.out().contains("clipped weights: "), q.out());
        CliRun run = CliRun.of("run", "--level", "fixed", image.toString(), "--dataset", "synthetic");
        assertEquals(0, run.exitCode(), run.err());
        String det = run.out().lines().filter(l -> l.startsWith("deterministic test accuracy: ")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(det.replaceAll("[^0-9.]", "")) > 80, det);

        Path mem = image.resolve("memory.bin");
        byte[] bytes = Files.readAllBytes(mem);
        bytes[7] ^= 1;
        Files.write(mem, bytes);
        CliRun bad = CliRun.of("run", "--level", "fixed", image.toString(), "--dataset", "synthetic");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("sha256") && bad.err().strip().lines().count() == 1, bad.err());
    }

    @Test
    void pidErrorWritesCsvAndPngAndTheArithmeticErrorIsSmall() throws IOException {
        Path out = tmp.resolve("pid-error");
        CliRun r = CliRun.of("pid-error", trained.toString(), "--dataset", "synthetic", "--weights", "8", "--theta", "6,8", "--log2", "12",
                "--mitchell", "12", "--bins", "8", "--batches", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("pid-error.csv"));
        assertEquals(1 + 6 * 2, rows.size(), String.join("\n", rows)); // header + 6 variants x 2 layers
        assertTrue(Files.size(out.resolve("pid-error.png")) > 10_000);
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<table id=\"table-pid-error\"") && html.contains("<figure id=\"image-pid-error\"><img alt=\"PID error and accuracy per parameter\" src=\"data:image/png;base64,"),
                "the report embeds the table and the plot");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double endToEnd = Double.parseDouble(f[3]), arithmetic = Double.parseDouble(f[4]);
            assertTrue(arithmetic <= endToEnd + 1e-12, row);
            if (f[0].equals("log2-frac")) assertTrue(arithmetic < 0.01, "LUT log2 at 12 bits: " + row);
        }
        assertFalse(r.out().contains("cannot hold"), r.out());
    }
}
