package org.infomorph.runtime.fpga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.infomorph.compiler.mapping.BlockMapping;
import org.infomorph.compiler.mapping.BlockMeasurement;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.mapping.MemoryShape;
import org.infomorph.compiler.mapping.MemoryShape.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * BlockMapping against fresh yosys runs: a few shapes alone in CI (each flattened as its own top,
 * as in a design), the whole grid behind {@code -Dinfomorph.synth.full=true} (hours; it must also
 * reproduce the stored grid the compiler's test reads).
 */
class BlockMappingYosysTest {
    /** One shape per family, kind and template, chosen where the rules bite (multi-block, byte widths, refusals, the tables). */
    static List<BlockMappingGrid.Case> few() {
        List<BlockMappingGrid.Case> c = new ArrayList<>();
        c.add(new BlockMappingGrid.Case(FpgaFamily.ICE40, "SB_RAM40_4K", new MemoryShape(Ports.ONE_READ_ONE_WRITE, 1000, 9)));
        c.add(new BlockMappingGrid.Case(FpgaFamily.ICE40, "SB_RAM40_4K", new MemoryShape(Ports.ONE_READ_WRITE, 4096, 36)));
        c.add(new BlockMappingGrid.Case(FpgaFamily.ICE40, "SB_RAM40_4K", new MemoryShape(Ports.ROM, 256, 8)));
        c.add(new BlockMappingGrid.Case(FpgaFamily.ICE40, "SB_SPRAM256KA", new MemoryShape(Ports.ONE_READ_WRITE, 4096, 36)));
        c.add(new BlockMappingGrid.Case(FpgaFamily.ICE40, "SB_SPRAM256KA", new MemoryShape(Ports.ONE_READ_ONE_WRITE, 256, 16)));
        c.add(new BlockMappingGrid.Case(FpgaFamily.ECP5, "DP16KD", new MemoryShape(Ports.ONE_READ_ONE_WRITE, 4096, 36)));
        c.add(new BlockMappingGrid.Case(FpgaFamily.ECP5, "DP16KD", new MemoryShape(Ports.ONE_READ_WRITE, 1000, 9)));
        c.add(new BlockMappingGrid.Case(FpgaFamily.ECP5, "DP16KD", new MemoryShape(Ports.ROM, 33, 13)));
        c.add(new BlockMappingGrid.Case(FpgaFamily.XILINX7, "RAMB36E1", new MemoryShape(Ports.ONE_READ_ONE_WRITE, 512, 36)));
        c.add(new BlockMappingGrid.Case(FpgaFamily.XILINX7, "RAMB36E1", new MemoryShape(Ports.ONE_READ_WRITE, 16384, 16)));
        c.add(new BlockMappingGrid.Case(FpgaFamily.XILINX7, "RAMB36E1", new MemoryShape(Ports.ROM, 256, 8)));
        return c;
    }

    @Test
    void aFewShapesAloneMatchTheModel(@TempDir Path dir) {
        assumeTrue(SynthSmoke.yosysPresent(), SynthSmoke.NO_YOSYS);
        List<String> wrong = new ArrayList<>();
        for (BlockMappingGrid.Case c : few()) {
            long t0 = System.nanoTime();
            BlockMeasurement m = BlockMappingGrid.measureAlone(c, dir.resolve(c.family().id + "-" + c.module()), Duration.ofMinutes(20), Synth.yosysTool());
            BlockMapping.Prediction p = BlockMapping.predict(c.family(), c.kind(), c.shape());
            System.out.printf("block mapping %s %s %s: yosys %s %s %s (%.1f s), model %s%n", c.family(), c.kind(), c.shape(), m.outcome().id(), m.primitives(),
                    m.message(), (System.nanoTime() - t0) / 1e9, p.primitives());
            if (m.outcome() != p.outcome() || !m.primitives().equals(p.primitives())) wrong.add(c + ": yosys " + m + ", model " + p);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    @EnabledIfSystemProperty(named = "infomorph.synth.full", matches = "true")
    void theWholeGridMatchesTheModelAndTheStoredGrid(@TempDir Path dir) throws Exception {
        List<BlockMeasurement> rows = BlockMappingGrid.measure(BlockMappingGrid.full(), dir, 40, Duration.ofMinutes(60), Synth.yosysTool(),
                new PrintWriter(System.out, true));
        // the compiler's test data, beside this module (surefire runs in the module folder)
        Path csv = Path.of("..", "compiler", "src", "test", "resources", "org", "infomorph", "compiler", "mapping", "block-mapping-yosys-0.23.csv");
        List<BlockMeasurement> stored = BlockMeasurement.parseAll(Files.readString(csv, StandardCharsets.UTF_8));
        Map<String, BlockMeasurement> byKey = stored.stream().collect(Collectors.toMap(BlockMappingYosysTest::key, Function.identity()));
        List<String> wrong = new ArrayList<>();
        for (BlockMeasurement m : rows) {
            BlockMapping.Prediction p = BlockMapping.predict(m.family(), m.kind(), m.shape());
            if (m.outcome() != p.outcome() || !m.primitives().equals(p.primitives())) wrong.add("model: " + m.toCsv() + " vs " + p);
            BlockMeasurement s = byKey.get(key(m));
            if (s == null || !s.toCsv().equals(m.toCsv())) wrong.add("stored: " + m.toCsv() + " vs " + (s == null ? "missing" : s.toCsv()));
        }
        assertEquals(List.of(), wrong);
    }

    private static String key(BlockMeasurement m) {
        return m.family().id + " " + m.kind() + " " + m.shape();
    }
}
