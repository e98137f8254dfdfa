package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The throughput benchmark's report (its figures are measurements, so only their form is checked). */
class BenchTrainCommandTest {
    @Test
    void reportsTheRuleTheKernelsAndBothFigures() {
        for (String rule : new String[] {"paper", "hw-rule"}) {
            CliRun r = CliRun.of("bench", "train", "../examples/synthetic-context.json", "--dataset", "synthetic",
                    "--batches", "3", "--warmup", "1", "--rule", rule);
            assertEquals(0, r.exitCode(), r.err());
            String[] lines = r.out().strip().split("\n");
            assertEquals(3, lines.length, r.out());
            assertTrue(lines[0].startsWith("network synthetic-context, rule " + rule + ", batch " + ("paper".equals(rule) ? 100 : 256)
                    + ", 1 warm-up + 3 timed batches, atoms on"), lines[0]);
            assertTrue(lines[0].matches(".*, kernels (vector \\(\\d+ x float64\\)|scalar)"), lines[0]);
            assertTrue(lines[1].matches("median batch: \\d+\\.\\d\\d ms \\([\\d,]+ samples/s\\)"), lines[1]);
            assertTrue(lines[2].matches("training: \\d+\\.\\d ms/batch, [\\d,]+ samples/s"), lines[2]);
        }
    }

    @Test
    void noTimedBatchesIsAUserMistake() {
        CliRun r = CliRun.of("bench", "train", "../examples/synthetic-context.json", "--dataset", "synthetic", "--batches", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--batches"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
    }
}
