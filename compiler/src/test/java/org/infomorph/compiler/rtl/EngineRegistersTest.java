package org.infomorph.compiler.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LayerConstants;
import org.infomorph.compiler.arch.NeuronProgram;
import org.infomorph.compiler.arch.NeuronProgram.Reg;
import org.infomorph.compiler.rtl.EngineUops.Kind;
import org.infomorph.compiler.rtl.EngineUops.Uop;
import org.junit.jupiter.api.Test;

class EngineRegistersTest {
    /** The engine's four lists: both kinds, inference and learning last step. */
    private static List<List<Uop>> lists() {
        List<List<Uop>> out = new ArrayList<>();
        for (LayerConstants.Kind k : List.of(LayerConstants.Kind.GRAETZ, LayerConstants.Kind.SCHNEIDER))
            for (boolean learn : List.of(false, true)) out.add(EngineUops.of(NeuronProgram.of(ArchConfig.defaults(), k), learn));
        return out;
    }

    /**
     * Runs each list on the physical registers, tagging every write with its logical register:
     * every read must find the logical register it names, so no live value was overwritten.
     */
    @Test
    void everyReadSeesItsOwnValue() {
        List<List<Uop>> lists = lists();
        EngineRegisters regs = EngineRegisters.allocate(lists);
        for (int l = 0; l < lists.size(); l++) {
            Reg[] holds = new Reg[regs.count()];
            for (Uop u : lists.get(l)) {
                for (Reg r : EngineRegisters.reads(u)) {
                    int p = regs.physical(l, r);
                    assertTrue(p >= 0 && p < regs.count(), "list " + l + ": " + r + " has no register");
                    assertEquals(r, holds[p], "list " + l + ", " + u.kind() + ": register " + p + " no longer holds " + r);
                }
                Reg w = EngineRegisters.write(u);
                if (w != null) holds[regs.physical(l, w)] = w;
            }
        }
    }

    @Test
    void pinnedRegistersAreTheSameInEveryList() {
        List<List<Uop>> lists = lists();
        EngineRegisters regs = EngineRegisters.allocate(lists);
        for (int l = 0; l < lists.size(); l++)
            for (int i = 0; i < EngineRegisters.PINNED.size(); i++) {
                int p = regs.physical(l, EngineRegisters.PINNED.get(i));
                assertTrue(p == i || p == -1, "list " + l + ": " + EngineRegisters.PINNED.get(i) + " in register " + p);
            }
    }

    @Test
    void sharesMostRegisters() {
        EngineRegisters regs = EngineRegisters.allocate(lists());
        // 29 logical registers; the Schneider learning list keeps at most 10 values live at once
        assertTrue(regs.count() <= 10, "physical registers: " + regs.count() + " " + Arrays.toString(regs.maps().get(3)));
    }

    @Test
    void aReadBeforeAnyWriteIsRejected() {
        List<Uop> list = List.of(new Uop(Kind.SPIKE, null, -1, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EngineRegisters.allocate(List.of(list)));
        assertTrue(e.getMessage().contains("TH"), e.getMessage());
    }
}
