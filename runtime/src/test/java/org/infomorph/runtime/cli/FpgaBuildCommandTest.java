package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infomorph fpga build, end to end on the design that fits the iCE40UP5K today: the board top with
 * the link-test memory in place of the LLU array (docs/host-link.md, "Bitstreams").
 */
class FpgaBuildCommandTest {
    @Test
    void theLinkTestTopGivesAnIce40BitstreamThatMeetsTheBoardClock(@TempDir Path out) throws Exception {
        CliRun r = CliRun.of("fpga", "build", "--link-test", "--target", "ice40up5k-icebreaker", "-o", out.toString());
        System.out.println(r.out());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(Files.size(out.resolve("BoardTop.bin")) > 100_000, "an UP5K bitstream is about 104 kB");
        JsonNode rep = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode pnr = rep.path("placeAndRoute");
        assertTrue(pnr.path("timingMet").asBoolean(), rep.toString());
        assertTrue(pnr.path("fmaxMHz").asDouble() >= 12, rep.toString());
        int lcs = pnr.path("utilisation").path("ICESTORM_LC").path("used").asInt();
        // 1,733 on 2026-12-02 (2,064 before the bit-serial CRC): the 7-lane inference array beside it needs about 3,350 more
        assertTrue(lcs > 100 && lcs < 2_000, "the link (with its stand-in array) leaves the UP5K's array most of the 5,280 cells: " + lcs);
        assertEquals(3_000_000, rep.path("baud").asInt());
        assertTrue(r.out().contains("timing met"), r.out());
        // the same design again comes from the cache
        CliRun again = CliRun.of("fpga", "build", "--link-test", "--target", "ice40up5k-icebreaker", "-o", out.resolve("again").toString());
        assertTrue(again.out().contains("cached"), again.out());
        CliRun flash = CliRun.of("fpga", "flash", out.toString(), "--dry-run");
        assertEquals(0, flash.exitCode(), flash.err());
        assertTrue(flash.out().startsWith("openFPGALoader -b icebreaker ") && flash.out().contains("BoardTop.bin"), flash.out());
    }

    @Test
    void ecp5AndArtixGetYosysFiguresAndScripts(@TempDir Path out) throws Exception {
        CliRun e = CliRun.of("fpga", "build", "--link-test", "--target", "ecp5-85f-ulx3s", "-o", out.resolve("ecp5").toString());
        assertEquals(0, e.exitCode(), e.out() + e.err());
        String script = Files.readString(out.resolve("ecp5/pnr-ecp5.sh"));
        assertTrue(script.contains("nextpnr-ecp5 --85k --package CABGA381 --lpf ulx3s_v20.lpf") && script.contains("ecppack"), script);
        assertTrue(Files.exists(out.resolve("ecp5/BoardTop.json")) && Files.exists(out.resolve("ecp5/ulx3s_v20.lpf")));
        assertTrue(e.out().contains("UART 1000000 baud"), "25 MHz: 1 Mbaud is the fastest whole bit time: " + e.out());
        CliRun x = CliRun.of("fpga", "build", "--link-test", "--target", "xc7a35t-arty-a7", "-o", out.resolve("arty").toString());
        assertEquals(0, x.exitCode(), x.out() + x.err());
        String tcl = Files.readString(out.resolve("arty/vivado.tcl"));
        assertTrue(tcl.contains("set part xc7a35ticsg324-1L") && tcl.contains("synth_design -top BoardTop -part $part") && tcl.contains("write_bitstream"), tcl);
        assertTrue(x.out().contains("UART 2000000 baud"), x.out());
    }

    @Test
    void aTargetWithoutAnFpgaFlowIsInvalidInput(@TempDir Path out) {
        CliRun r = CliRun.of("fpga", "build", "--link-test", "--target", "verilator", "-o", out.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("has no FPGA flow"), r.err());
    }
}
