package org.infomorph.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInTargetsTest {
    static List<String> names() {
        return Targets.builtInNames();
    }

    @Test
    void theFourBuiltInsAreListed() {
        assertEquals(List.of("verilator", "ice40up5k-icebreaker", "ecp5-85f-ulx3s", "xc7a35t-arty-a7"),
                Targets.builtInNames());
    }

    @ParameterizedTest
    @MethodSource("names")
    void loadsUnderItsOwnNameAndRoundTrips(String name) {
        TargetDescriptor d = Targets.builtIn(name);
        assertEquals(name, d.name());
        assertFalse(d.description().isBlank());
        String json = TargetJson.write(d);
        assertEquals(d, TargetJson.read(json, "round-trip"));
        assertEquals(json, TargetJson.write(TargetJson.read(json, "round-trip")));
    }

    @Test
    void verilatorIsAnUnlimitedSimulatorWith16Units() {
        TargetDescriptor d = Targets.builtIn("verilator");
        assertTrue(d.unlimited());
        assertEquals(Optional.empty(), d.logic().count());
        assertEquals(new TargetDescriptor.Dsp("behavioural", Optional.empty(), 32, 32), d.dsp());
        assertEquals(List.of(new TargetDescriptor.Memory("behavioural", "behavioural", Optional.empty(), 32, 1 << 20, 2)),
                d.memories());
        assertEquals(OptionalLong.empty(), d.totalMemoryBits("behavioural"));
        assertEquals(new TargetDescriptor.Clock(100, 100), d.clock());
        assertEquals(10.0, d.clock().targetPeriodNs());
        assertEquals(new TargetDescriptor.HostLink("jna", Optional.empty()), d.hostLink());
        assertEquals(new TargetDescriptor.Flow("verilator --cc", Optional.empty(), Optional.empty()), d.flow());
        assertEquals(Optional.empty(), d.constraints());
        assertEquals(Optional.of(16), d.units());
    }

    @Test
    void icebreakerHas1MbitSpramFirstAnd120KbitEbr() {
        TargetDescriptor d = Targets.builtIn("ice40up5k-icebreaker");
        assertFalse(d.unlimited());
        assertEquals(new TargetDescriptor.Device("ice40", "iCE40UP5K", "sg48"), d.device());
        assertEquals(new TargetDescriptor.Logic("LUT4", 4, Optional.of(5280)), d.logic());
        assertEquals(new TargetDescriptor.Dsp("SB_MAC16", Optional.of(8), 16, 16), d.dsp());
        assertEquals(List.of("spram", "ebr"), d.memoryNames());
        TargetDescriptor.Memory spram = d.memory("spram").orElseThrow();
        assertEquals(new TargetDescriptor.Memory("spram", "SB_SPRAM256KA", Optional.of(4), 16, 16384, 1), spram);
        assertEquals(256 * 1024, spram.bitsPerBlock());
        assertEquals(OptionalLong.of(1024 * 1024), d.totalMemoryBits("spram"));
        assertEquals(new TargetDescriptor.Memory("ebr", "SB_RAM40_4K", Optional.of(30), 16, 256, 2),
                d.memory("ebr").orElseThrow());
        assertEquals(4 * 1024, d.memory("ebr").orElseThrow().bitsPerBlock());
        assertEquals(OptionalLong.of(120 * 1024), d.totalMemoryBits("ebr"));
        assertEquals(new TargetDescriptor.Clock(12, 24), d.clock());
        assertEquals(new TargetDescriptor.HostLink("uart", Optional.of(3_000_000L * 8 / 10)), d.hostLink());
        assertEquals(new TargetDescriptor.Flow("yosys -p 'synth_ice40 -device u -dsp -spram'",
                Optional.of("nextpnr-ice40 --up5k --package sg48"), Optional.of("icepack")), d.flow());
        assertEquals(Optional.of("icebreaker.pcf"), d.constraints());
        assertEquals(Optional.empty(), d.units());
    }

    @Test
    void ulx3sHas156MultipliersAnd208Ebr() {
        TargetDescriptor d = Targets.builtIn("ecp5-85f-ulx3s");
        assertEquals(new TargetDescriptor.Device("ecp5", "LFE5U-85F", "CABGA381"), d.device());
        assertEquals(new TargetDescriptor.Logic("LUT4", 4, Optional.of(83_640)), d.logic());
        assertEquals(new TargetDescriptor.Dsp("MULT18X18D", Optional.of(156), 18, 18), d.dsp());
        assertEquals(List.of(new TargetDescriptor.Memory("ebr", "DP16KD", Optional.of(208), 18, 1024, 2)), d.memories());
        assertEquals(OptionalLong.of(208L * 18 * 1024), d.totalMemoryBits("ebr"));
        assertEquals(new TargetDescriptor.Clock(25, 50), d.clock());
        assertEquals(Optional.of(2_400_000L), d.hostLink().bitsPerSecond());
        assertEquals(new TargetDescriptor.Flow("yosys -p 'synth_ecp5'", Optional.empty(), Optional.empty()), d.flow());
        assertEquals(Optional.of("ulx3s_v20.lpf"), d.constraints());
        assertEquals(Optional.empty(), d.units());
    }

    @Test
    void artyHas90Dsp48e1And50Ramb36() {
        TargetDescriptor d = Targets.builtIn("xc7a35t-arty-a7");
        assertEquals(new TargetDescriptor.Device("xilinx7", "XC7A35T", "CSG324"), d.device());
        assertEquals(new TargetDescriptor.Logic("LUT6", 6, Optional.of(20_800)), d.logic());
        assertEquals(new TargetDescriptor.Dsp("DSP48E1", Optional.of(90), 25, 18), d.dsp());
        assertEquals(List.of(new TargetDescriptor.Memory("bram36", "RAMB36E1", Optional.of(50), 36, 1024, 2)), d.memories());
        assertEquals(OptionalLong.of(50L * 36 * 1024), d.totalMemoryBits("bram36"));
        assertEquals(new TargetDescriptor.Clock(100, 100), d.clock());
        assertEquals(Optional.of(2_400_000L), d.hostLink().bitsPerSecond());
        assertEquals(new TargetDescriptor.Flow("yosys -p 'synth_xilinx -family xc7'", Optional.empty(), Optional.empty()),
                d.flow());
        assertEquals(Optional.of("Arty-A7-35-Master.xdc"), d.constraints());
    }

    @Test
    void unknownMemoryNameIsAProgrammingError() {
        TargetDescriptor d = Targets.builtIn("ice40up5k-icebreaker");
        assertEquals(Optional.empty(), d.memory("bram36"));
        var e = assertThrows(IllegalArgumentException.class, () -> d.totalMemoryBits("bram36"));
        assertTrue(e.getMessage().contains("[spram, ebr]"), e.getMessage());
    }

    @Test
    void unknownBuiltInNameListsTheBuiltIns() {
        var e = assertThrows(TargetException.class, () -> Targets.builtIn("ice40"));
        assertEquals("unknown target 'ice40'; use one of verilator, ice40up5k-icebreaker, ecp5-85f-ulx3s, "
                + "xc7a35t-arty-a7, or --target-file FILE", e.getMessage());
    }

    @Test
    void aUserFileLoadsAndResolves(@TempDir Path dir) throws IOException {
        TargetDescriptor bigger = new TargetDescriptor("verilator-64", "Verilator with 64 units",
                Targets.builtIn("verilator").device(), Targets.builtIn("verilator").logic(),
                Targets.builtIn("verilator").dsp(), Targets.builtIn("verilator").memories(),
                Targets.builtIn("verilator").clock(), Targets.builtIn("verilator").hostLink(),
                Targets.builtIn("verilator").flow(), Optional.empty(), Optional.of(64));
        Path file = dir.resolve("sim64.json");
        Files.writeString(file, TargetJson.write(bigger));
        assertEquals(bigger, Targets.load(file));
        assertEquals(bigger, Targets.resolve(null, file));
        assertEquals(Optional.of(64), Targets.load(file).units());
    }

    @Test
    void aHandWrittenMinimalUserFileLoads(@TempDir Path dir) throws IOException {
        // optional keys absent, MHz as integers
        String json = """
                {"format": "infomorph-target/1", "name": "my-board", "description": "test board",
                 "device": {"family": "ice40", "part": "iCE40UP5K", "package": "sg48"},
                 "logic": {"kind": "LUT4", "inputsPerLut": 4, "count": 5280},
                 "dsp": {"kind": "SB_MAC16", "count": 8, "widthA": 16, "widthB": 16},
                 "memories": [{"name": "ebr", "kind": "SB_RAM40_4K", "count": 30, "width": 16, "depth": 256, "ports": 2}],
                 "clock": {"boardMHz": 12, "targetMHz": 20},
                 "hostLink": {"kind": "uart"},
                 "flow": {"synthesis": "yosys"}}
                """;
        Path file = dir.resolve("my-board.json");
        Files.writeString(file, json);
        TargetDescriptor d = Targets.load(file);
        assertEquals("my-board", d.name());
        assertEquals(Optional.empty(), d.hostLink().bitsPerSecond());
        assertEquals(Optional.empty(), d.flow().placeAndRoute());
        assertEquals(Optional.empty(), d.constraints());
        assertEquals(Optional.empty(), d.units());
        assertEquals(20.0, d.clock().targetMHz());
        assertEquals(d, TargetJson.read(TargetJson.write(d), "again"));
    }

    @Test
    void resolveDefaultsToVerilatorAndRefusesBoth(@TempDir Path dir) {
        assertEquals(Targets.builtIn("verilator"), Targets.resolve(null, null));
        assertEquals(Targets.builtIn("ecp5-85f-ulx3s"), Targets.resolve("ecp5-85f-ulx3s", null));
        var e = assertThrows(TargetException.class, () -> Targets.resolve("verilator", dir.resolve("x.json")));
        assertTrue(e.getMessage().startsWith("both --target verilator and --target-file "), e.getMessage());
    }

    @Test
    void aMissingFileIsATargetException(@TempDir Path dir) {
        Path file = dir.resolve("nope.json");
        var e = assertThrows(TargetException.class, () -> Targets.load(file));
        assertEquals(file + ": no such file; check the path of the target descriptor", e.getMessage());
    }
}
