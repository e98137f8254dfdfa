package org.infomorph.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.infomorph.compiler.mapping.LogicModel;
import org.junit.jupiter.api.Test;

/** Resource estimates from yosys. */
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
                 RAMB18E1                        2
                 RAMB36E1                        1
            """;

    @Test
    void statOutputParses() {
        Synth.Resources i = Synth.parse(Synth.Family.ICE40, ICE40_STAT, 0);
        assertEquals(849, i.luts());
        assertEquals(2, i.dsps());
        assertEquals(11, i.ramBlocks());
        assertEquals(793, i.ffs());
        assertEquals(157, i.cells().get("SB_CARRY"));
        Synth.Resources x = Synth.parse(Synth.Family.XILINX, XILINX_STAT, 0);
        assertEquals(300, x.luts());
        assertEquals(3, x.dsps());
        assertEquals(3, x.ramBlocks());
        assertEquals(863, x.ffs());
    }

    @Test
    void theEmittedArraySynthesisesForBothFamilies() {
        Path sv = SimBuild.defaults().build(SimTestParams.SMALL, false).dir().resolve("LluArray.sv");
        LogicModel estimate = LogicModel.defaults();
        for (Synth.Family f : Synth.Family.values()) {
            Synth.Resources r = Synth.run(sv, f);
            System.out.printf("Synth %s, one LLU of the small configuration: %d LUTs, %d DSPs, %d RAM blocks, %d FFs (%.1f s)%s;"
                    + " the compiler's logic model says %d LUT4%n", f, r.luts(), r.dsps(), r.ramBlocks(), r.ffs(), r.seconds(),
                    r.note().isEmpty() ? "" : " [" + r.note() + "]", estimate.sharedLuts() + estimate.lutsPerUnit());
            // -dsp maps the multipliers: an array with one multiplier per unit and wide slope/table products needs DSPs
            assertTrue(r.luts() > 1000 && r.ffs() > 1000, f + ": " + r);
            assertTrue(r.dsps() > 0, f + ": " + r);
            // iCE40 memories go to EBR; Xilinx puts memories this small in LUT RAM (RAM32M)
            if (f == Synth.Family.ICE40) assertTrue(r.ramBlocks() > 0, f + ": " + r);
        }
    }

    @Test
    void aMissingYosysIsOneClearLine() {
        SimException e = assertThrows(SimException.class, () -> Synth.run(Path.of("LluArray.sv"), Synth.Family.ICE40, "/no/such/yosys"));
        assertTrue(e.getMessage().startsWith("yosys not found") && e.getMessage().contains("scripts/setup-sim"), e.getMessage());
    }
}
