package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** infomorph verify --device simboard (L4 on the simulated board) and the board errors through the command line. */
class VerifyBoardCommandTest {
    private static final String NET = "../examples/synthetic-context.json";

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1];
    }

    /** The issue's bar on a synthetic network: 4 learning and 2 inference batches, 0 mismatches. */
    @Test
    void theSimulatedBoardEqualsTheModel() {
        CliRun r = CliRun.of("verify", NET, "--dataset", "synthetic", "--units", "4", "--learn", "4", "--batches", "2", "--device", "simboard");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(lastLine(r.out()).matches("0 mismatches in [1-9][0-9]* compared values"), r.out());
        assertTrue(r.out().contains("(L4, simboard)") && r.out().contains("host link /dev/pts/"), r.out());
        // the array's cycles over the link are the schedule's, as on L3
        assertTrue(r.out().contains("cycles per learning sample: measured") && r.out().contains("+0.0%"), r.out());
    }

    @Test
    void aMissingPortIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("verify", NET, "--dataset", "synthetic", "--units", "4", "--batches", "1", "--device", "board:/dev/ttyNOSUCH3");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().strip().split("\\R").length, r.err());
        assertTrue(r.err().startsWith("error: no such serial port: /dev/ttyNOSUCH3"), r.err());
    }

    @Test
    void anUnknownDeviceIsInvalidInput() {
        CliRun r = CliRun.of("verify", NET, "--dataset", "synthetic", "--device", "fpga");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--device fpga: use rtl, simboard or board:PORT"), r.err());
    }
}
