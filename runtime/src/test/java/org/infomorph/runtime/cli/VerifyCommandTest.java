package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infomorph verify through the command line: its last line, its exit code and the mismatch report. */
class VerifyCommandTest {
    private static final String NET = "../examples/synthetic-context.json";

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1];
    }

    @Test
    void agreementIsExitZeroWithTheCountLast() {
        CliRun r = CliRun.of("verify", NET, "--dataset", "synthetic", "--units", "4", "--batches", "1", "--learn", "1");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(lastLine(r.out()).matches("0 mismatches in [1-9][0-9]* compared values"), r.out());
        assertTrue(r.out().contains("cycles per inference sample: measured") && r.out().contains("+0.0%"), r.out());
    }

    @Test
    void anInjectedFaultIsExitOneNamedAndTraced(@TempDir Path dir) throws Exception {
        Path vcd = dir.resolve("m.vcd");
        CliRun r = CliRun.of("verify", NET, "--dataset", "synthetic", "--units", "4", "--batches", "1", "--fault", "3",
                "--waveform", vcd.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("sample 3 of batch 0, layer hidden, unit 0, neuron 0, field spike"), r.out());
        assertTrue(lastLine(r.out()).matches("[1-9][0-9]* mismatches in [1-9][0-9]* compared values"), r.out());
        assertTrue(Files.size(vcd) > 1000);
    }
}
