package org.infomorph.runtime.fpga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.mapping.MemoryShape.Ports;
import org.infomorph.compiler.mapping.RamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Place and route on the iCE40UP5K: a small core routes with an Fmax; a core that needs five SPRAMs does not. */
class NextpnrIce40Test {
    /** A core with more ports than SG48 pins: a SPRAM template (DEPTH words) feeding a registered 16x16 multiply-accumulate. */
    static String core(int depth) {
        return RamTemplate.module(Ports.ONE_READ_WRITE, "huge") + """
                module Core (input clock, input en, input we, input [16:0] addr, input [15:0] wdata, input [15:0] k, output reg [31:0] acc);
                  wire [15:0] q;
                  IfmRam1RW_huge #(.DEPTH(%d), .WIDTH(16), .ABITS(17)) ram (.clk(clock), .en(en), .we(we), .addr(addr), .wdata(wdata), .rdata(q));
                  reg [31:0] p;
                  always @(posedge clock) begin p <= q * k; acc <= acc + p; end
                endmodule
                """.formatted(depth);
    }

    private static NextpnrIce40.Result placeAndRoute(Path dir, int depth) throws Exception {
        Path v = dir.resolve("core.v");
        Files.writeString(v, core(depth));
        Path netlist = dir.resolve("core.json");
        Resources r = Synth.run(Synth.Request.of(v, "Core", FpgaFamily.ICE40).withNetlist(netlist), Synth.yosysTool());
        assertEquals(Math.max(1, depth / 16384), r.blocks("SB_SPRAM256KA"), r.toString());
        return NextpnrIce40.run(netlist, "Core", 24, dir.resolve("pnr"), Duration.ofMinutes(20), Synth.yosysTool());
    }

    @Test
    void aSmallCoreRoutesWithAnFmax(@TempDir Path dir) throws Exception {
        assumeTrue(SynthSmoke.placeAndRoutePresent(), "nextpnr-ice40 or yosys is not installed (scripts/setup-sim)");
        NextpnrIce40.Result r = placeAndRoute(dir, 16384);
        System.out.println("nextpnr-ice40, SPRAM + MAC core: " + r);
        assertTrue(r.routed(), r.failure());
        assertEquals(1, r.used().get("ICESTORM_SPRAM"));
        assertEquals(1, r.used().get("ICESTORM_DSP"));
        assertEquals(5280, r.available().get("ICESTORM_LC"));
        assertEquals(3, r.used().get("SB_IO"), "the pin shell needs clk, sin and sout only");
        assertEquals(1 + 1 + 17 + 16 + 16, r.shellInputs());
        // a registered MAC from SPRAM closes far above the board clock on this part (toolchain notes: 84-101 MHz)
        assertTrue(r.fmaxMHz().isPresent() && r.fmaxMHz().getAsDouble() > 24, r.toString());
        assertTrue(r.icetimeMHz().isEmpty() || r.icetimeMHz().getAsDouble() > 24, r.toString());
    }

    @Test
    void fiveSpramsDoNotPlace(@TempDir Path dir) throws Exception {
        assumeTrue(SynthSmoke.placeAndRoutePresent(), "nextpnr-ice40 or yosys is not installed (scripts/setup-sim)");
        NextpnrIce40.Result r = placeAndRoute(dir, 5 * 16384);
        assertFalse(r.routed());
        assertTrue(r.failure().startsWith("ERROR:") && r.failure().contains("ICESTORM_SPRAM") && !r.failure().contains("\n"), r.failure());
        assertEquals(5, r.used().get("ICESTORM_SPRAM"));
    }

    @Test
    void theShellWiresEveryPort() {
        List<NextpnrIce40.Port> ports = List.of(new NextpnrIce40.Port("clock", true, 1), new NextpnrIce40.Port("reset", true, 1),
                new NextpnrIce40.Port("a", true, 3), new NextpnrIce40.Port("y", false, 2));
        String v = NextpnrIce40.shell("Core", ports);
        assertTrue(v.contains("reg [3:0] shift;") && v.contains(".clock(clk)") && v.contains(".reset(shift[0:0])") && v.contains(".a(shift[3:1])")
                && v.contains(".y(outs[1:0])") && v.contains("sout <= ^outs"), v);
    }

    @Test
    void theReportParses() {
        String json = """
                {"fmax": {"clk$SB_IO_IN_$glb_clk": {"achieved": 103.08, "constraint": 24}},
                 "utilization": {"ICESTORM_DSP": {"available": 8, "used": 1}, "ICESTORM_LC": {"available": 5280, "used": 35}}}
                """;
        NextpnrIce40.Result r = NextpnrIce40.parseReport(json, 16, 1.5);
        assertEquals(103.08, r.fmaxMHz().getAsDouble(), 1e-9);
        assertEquals(35, r.used().get("ICESTORM_LC"));
        assertEquals(8, r.available().get("ICESTORM_DSP"));
    }
}
