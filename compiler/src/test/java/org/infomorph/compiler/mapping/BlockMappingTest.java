package org.infomorph.compiler.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.mapping.BlockMeasurement.Outcome;
import org.infomorph.compiler.mapping.MemoryShape.Ports;
import org.junit.jupiter.api.Test;

/** The block-mapping model against the grid measured with yosys 0.23 (docs/synthesis.md). */
class BlockMappingTest {
    static final String GRID = "block-mapping-yosys-0.23.csv";

    static List<BlockMeasurement> grid() throws IOException {
        try (InputStream in = BlockMappingTest.class.getResourceAsStream(GRID)) {
            return BlockMeasurement.parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theModelMatchesEveryMeasuredShape() throws IOException {
        List<BlockMeasurement> rows = grid();
        assertTrue(rows.size() >= 30, "grid rows: " + rows.size());
        List<String> wrong = new ArrayList<>();
        for (BlockMeasurement m : rows) {
            BlockMapping.Prediction p = BlockMapping.predict(m.family(), m.kind(), m.shape());
            if (p.outcome() != m.outcome() || !p.primitives().equals(m.primitives()))
                wrong.add(m.family() + " " + m.kind() + " " + m.shape() + ": measured " + m.outcome().id() + " " + m.primitives() + ", model "
                        + p.outcome().id() + " " + p.primitives() + " (" + p.blockType() + ") " + BlockMapping.describe(m.family(), m.shape()));
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + rows.size() + " shapes differ:\n" + String.join("\n", wrong));
    }

    @Test
    void everyFamilyKindAndTemplateIsInTheGrid() throws IOException {
        List<BlockMeasurement> rows = grid();
        for (FpgaFamily f : FpgaFamily.values())
            for (String kind : f.blockKinds())
                for (Ports p : Ports.values()) {
                    if (p == Ports.ROM && kind.equals("SB_SPRAM256KA")) continue;
                    assertTrue(rows.stream().anyMatch(m -> m.family() == f && m.kind().equals(kind) && m.shape().ports() == p), f + " " + kind + " " + p);
                }
    }

    @Test
    void handWorkedExamples() {
        // 256 x 16 fits one EBR in its 256 x 16 mode (byte enables: 16 bits)
        assertEquals(Map.of("SB_RAM40_4K", 1), BlockMapping.predict(FpgaFamily.ICE40, "SB_RAM40_4K", shape(Ports.ONE_READ_ONE_WRITE, 256, 16)).primitives());
        // 1000 x 9: three 1024 x 4 EBRs (cost 192) beat two 512 x 8 (197.5 with the 2-way read multiplexer)
        assertEquals(Map.of("SB_RAM40_4K", 3), BlockMapping.predict(FpgaFamily.ICE40, "SB_RAM40_4K", shape(Ports.ONE_READ_ONE_WRITE, 1000, 9)).primitives());
        // SPRAM is one 16K x 16 port: 4096 x 36 needs three side by side; two ports cannot map
        assertEquals(Map.of("SB_SPRAM256KA", 3), BlockMapping.predict(FpgaFamily.ICE40, "SB_SPRAM256KA", shape(Ports.ONE_READ_WRITE, 4096, 36)).primitives());
        assertEquals(Outcome.REFUSED, BlockMapping.predict(FpgaFamily.ICE40, "SB_SPRAM256KA", shape(Ports.ONE_READ_ONE_WRITE, 256, 16)).outcome());
        // Xilinx: 512 x 36 is one RAMB18E1 in simple dual-port mode = half a RAMB36E1
        BlockMapping.Prediction x = BlockMapping.predict(FpgaFamily.XILINX7, "RAMB36E1", shape(Ports.ONE_READ_ONE_WRITE, 512, 36));
        assertEquals(Map.of("RAMB18E1", 1), x.primitives());
        assertEquals(0.5, x.blocks(FpgaFamily.XILINX7, "RAMB36E1"));
    }

    @Test
    void blocksAreCountedInTheTargetsMemoryUnits() {
        var arty = org.infomorph.targets.Targets.builtIn("xc7a35t-arty-a7");
        assertEquals(0.5, BlockMapping.blocks(arty, "bram36", shape(Ports.ONE_READ_ONE_WRITE, 512, 36)));
        var icebreaker = org.infomorph.targets.Targets.builtIn("ice40up5k-icebreaker");
        assertEquals(3.0, BlockMapping.blocks(icebreaker, "spram", shape(Ports.ONE_READ_WRITE, 4096, 36)));
        assertThrows(IllegalArgumentException.class, () -> BlockMapping.blocks(icebreaker, "spram", shape(Ports.ONE_READ_ONE_WRITE, 256, 16)));
        assertThrows(IllegalArgumentException.class, () -> BlockMapping.blocks(icebreaker, "bram36", shape(Ports.ONE_READ_ONE_WRITE, 256, 16)));
    }

    @Test
    void anUnknownKindIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BlockMapping.predict(FpgaFamily.ECP5, "SB_RAM40_4K", shape(Ports.ROM, 16, 8)));
    }

    static MemoryShape shape(Ports p, int depth, int width) {
        return new MemoryShape(p, depth, width);
    }
}
