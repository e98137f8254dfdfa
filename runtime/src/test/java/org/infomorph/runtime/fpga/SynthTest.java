package org.infomorph.runtime.fpga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.runtime.sim.SimException;
import org.junit.jupiter.api.Test;

/** yosys synthesis per family: stat parsing, the cells each figure counts, and a real run of the smoke array. */
class SynthTest {
    private static final String ICE40_STAT = """
            4. Printing statistics.

            === LluArray ===

               Number of wires:                360
               Number of memories:               0
               Number of cells:               1936
                 SB_CARRY                      157
                 SB_DFF                        201
                 SB_DFFESR                     592
                 SB_LUT4                       849
                 SB_MAC16                        2
                 SB_RAM40_4K                     7
                 SB_SPRAM256KA                   4

            """;

    private static final String ECP5_STAT = """
            === LluArray ===

               Number of cells:              20928
                 CCU2C                        2687
                 DP16KD                          3
                 L6MUX21                       357
                 LUT4                        10675
                 MULT18X18D                    144
                 PFUMX                        1448
                 TRELLIS_DPR16X4               152
                 TRELLIS_FF                   5465
            """;

    private static final String XILINX_STAT = """
            === LluArray ===

               Number of cells:               1685
                 CARRY4                         37
                 DSP48E1                         3
                 FDRE                          859
                 FDSE                            4
                 LUT2                           10
                 LUT6                          290
                 MUXF7                         155
                 RAM32M                          2
                 RAMB18E1                        3
                 RAMB36E1                        1
                 SRL16E                          5
            """;

    private static Resources parse(FpgaFamily f, String stat) {
        return new Resources(f, YosysStat.cells(stat, "LluArray"), 0, "");
    }

    @Test
    void iCE40CellsCount() {
        Resources r = parse(FpgaFamily.ICE40, ICE40_STAT);
        assertEquals(849, r.luts());
        assertEquals(793, r.ffs());
        assertEquals(2, r.dsps());
        assertEquals(7, r.blocks("SB_RAM40_4K"));
        assertEquals(4, r.blocks("SB_SPRAM256KA"));
        assertEquals(0, r.lutRam());
        assertEquals(157, r.cells().get("SB_CARRY"));
    }

    @Test
    void ecp5CarryCellsHoldTwoLutsAndLutRamIsSeparate() {
        Resources r = parse(FpgaFamily.ECP5, ECP5_STAT);
        assertEquals(10675 + 2 * 2687, r.luts());
        assertEquals(5465, r.ffs());
        assertEquals(144, r.dsps());
        assertEquals(3, r.blocks("DP16KD"));
        assertEquals(4 * 152, r.lutRam());
    }

    @Test
    void xilinxCountsRamb18AsHalfARamb36() {
        Resources r = parse(FpgaFamily.XILINX7, XILINX_STAT);
        assertEquals(300, r.luts());
        assertEquals(863, r.ffs());
        assertEquals(3, r.dsps());
        assertEquals(2.5, r.blocks("RAMB36E1"));
        assertEquals(2 * 4 + 5, r.lutRam());
    }

    @Test
    void hierarchicalStatHasOneTablePerModule() {
        String stat = """
                === M_a ===

                   Number of cells:                  2
                     SB_LUT4                         1
                     SB_RAM40_4K                     1

                === M_b ===

                   Number of cells:                  1
                     SB_SPRAM256KA                   1

                === design hierarchy ===

                   IfmGrid                           1
                     M_a                             1
                """;
        Map<String, Map<String, Integer>> m = YosysStat.modules(stat);
        assertEquals(Map.of("SB_LUT4", 1, "SB_RAM40_4K", 1), m.get("M_a"));
        assertEquals(Map.of("SB_SPRAM256KA", 1), m.get("M_b"));
    }

    @Test
    void theScriptFlattensAndXilinxHasNoPads() {
        Synth.Request r = Synth.Request.of(Path.of("/x/a.sv"), "Top", FpgaFamily.XILINX7);
        String s = Synth.script(r, FpgaFamily.XILINX7.synthCommand, Path.of("/x/s"));
        assertTrue(s.contains("read_verilog -sv /x/a.sv") && s.contains("synth_xilinx -family xc7 -top Top -flatten -noiopad"), s);
        String h = Synth.script(r.keepingHierarchy(), FpgaFamily.XILINX7.synthCommand, Path.of("/x/s"));
        assertTrue(!h.contains("-flatten"), h);
        String i = Synth.script(Synth.Request.of(Path.of("/x/a.v"), "Top", FpgaFamily.ICE40).keepingHierarchy(), FpgaFamily.ICE40.synthCommand, Path.of("/x/s"));
        assertTrue(i.contains("synth_ice40 -device u -dsp -spram -abc9 -top Top -noflatten") && i.contains("read_verilog /x/a.v"), i);
    }

    @Test
    void theSmokeArraySynthesisesForEveryFamily() {
        assumeTrue(SynthSmoke.yosysPresent(), SynthSmoke.NO_YOSYS);
        for (FpgaFamily f : FpgaFamily.values()) {
            SynthFlow.Outcome o = SynthSmoke.synthesise(f);
            Resources r = o.resources();
            System.out.printf("Synth %s, one LLU of the small configuration: %d LUTs, %d FFs, %d DSPs, %s, %d LUT-RAM LUTs (%.1f s%s)%s%n", f, r.luts(), r.ffs(),
                    r.dsps(), f.blockKinds().stream().map(k -> k + " " + r.blocks(k)).toList(), r.lutRam(), r.seconds(), o.cached() ? ", cached" : "",
                    r.note().isEmpty() ? "" : " [" + r.note() + "]");
            // a real array: thousands of LUTs and flip-flops, one multiplier per lane and per engine, memories in blocks
            assertTrue(r.luts() > 1000 && r.ffs() > 1000, f + ": " + r);
            assertEquals(org.infomorph.compiler.mapping.LogicModel.dsps(o.params()), r.dsps(), f + ": " + r);
            assertTrue(f.blockKinds().stream().mapToDouble(r::blocks).sum() > 0, f + ": " + r);
        }
    }

    @Test
    void aMissingYosysIsOneClearLine() {
        SimException e = assertThrows(SimException.class,
                () -> Synth.run(Synth.Request.of(Path.of("LluArray.sv"), "LluArray", FpgaFamily.ICE40), "/no/such/yosys"));
        assertTrue(e.getMessage().startsWith("yosys not found") && e.getMessage().contains("scripts/setup-sim"), e.getMessage());
    }

    @Test
    void aYosysErrorIsItsErrorLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(SynthSmoke.yosysPresent(), SynthSmoke.NO_YOSYS);
        Path v = dir.resolve("bad.v");
        java.nio.file.Files.writeString(v, "module Top(input a, output b); assign b = a &; endmodule\n");
        SimException e = assertThrows(SimException.class, () -> Synth.run(v, "Top", FpgaFamily.ICE40));
        assertTrue(e.getMessage().contains("ERROR:") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
