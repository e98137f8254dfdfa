package org.infomorph.runtime.fpga;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading nextpnr-ice40's JSON report and icetime's summary (the formats of Debian 12's nextpnr 0.4 and icestorm). */
class Ice40PnrTest {
    private static final String REPORT = """
            {"critical_paths": [], "fmax": {"clk$SB_IO_IN_$glb_clk": {"achieved": 24.981887817382812, "constraint": 12}},
             "utilization": {"ICESTORM_LC": {"available": 5280, "used": 2101}, "ICESTORM_RAM": {"available": 30, "used": 8},
                             "ICESTORM_DSP": {"available": 8, "used": 0}, "SB_IO": {"available": 96, "used": 7}}}
            """;
    private static final String ICETIME = "Total number of logic levels: 26\nTotal path delay: 41.53 ns (24.08 MHz)\n";

    @Test
    void reportsParse() throws Exception {
        Ice40Pnr.Report r = Ice40Pnr.parse(REPORT, ICETIME, 12, Path.of("x.bin"));
        assertArrayEquals(new int[] {2101, 5280}, r.cells("ICESTORM_LC"));
        assertArrayEquals(new int[] {8, 30}, r.cells("ICESTORM_RAM"));
        assertEquals(24.98, r.fmaxMHz(), 0.01);
        assertEquals(24.08, r.icetimeMHz(), 1e-9);
        assertTrue(r.timingMet());
        assertFalse(Ice40Pnr.parse(REPORT, ICETIME, 30, Path.of("x.bin")).timingMet(), "25 MHz does not meet 30 MHz");
    }

    @Test
    void anOverfullDesignIsNamedFromTheLog(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // the lines of a real nextpnr-ice40 0.4 log of a board top of 2 LLUs (its placer then fails with "Failed to expand region")
        String log = "Info: Device utilisation:\nInfo: \t         ICESTORM_LC:  5321/ 5280   100%\nInfo: \t        ICESTORM_RAM:    13/   30    43%\n"
                + "Info: \t               SB_IO:     7/   96     7%\nERROR: Failed to expand region (0, 0) |_> (25, 31) of 5321 ICESTORM_LCs\n";
        Path over = java.nio.file.Files.writeString(tmp.resolve("over.log"), log), fits = java.nio.file.Files.writeString(tmp.resolve("fits.log"), log.replace("5321/", "5279/"));
        assertEquals("it needs 5321 ICESTORM_LCs, the chip has 5280", Ice40Pnr.overfull(over));
        assertEquals(null, Ice40Pnr.overfull(fits));
    }
}
