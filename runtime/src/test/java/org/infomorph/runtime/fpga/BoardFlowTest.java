package org.infomorph.runtime.fpga;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.infomorph.compiler.rtl.BoardParams;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.junit.jupiter.api.Test;

/** The smallest change a board top that does not fit names: never "fewer units" for one unit. */
class BoardFlowTest {
    private static BoardParams board(boolean learning, int units) {
        GeneratorParams g = SimBoardLinkTest.P;
        GeneratorParams p = new GeneratorParams(g.arch(), learning, true, units, 1, g.capacity(), Map.of(), -1);
        return BoardParams.of(p, 12_000_000, 3_000_000);
    }

    @Test
    void theChangeFitsTheBuild() {
        assertEquals("build it with fewer --units (7 now)", BoardFlow.whenOver(board(false, 7)));
        assertEquals("build it with fewer --units (2 now), or --mode infer", BoardFlow.whenOver(board(true, 2)));
        assertEquals("one LLU with the host link is already over: --mode infer, a narrower architecture (--arch) or a larger device",
                BoardFlow.whenOver(board(true, 1)));
        assertEquals("one LLU with the host link is already over: a narrower architecture (--arch) or a larger device", BoardFlow.whenOver(board(false, 1)));
        assertEquals("the link alone does not fit this device", BoardFlow.whenOver(board(false, 1).withLinkTest(true)));
    }
}
