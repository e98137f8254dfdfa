package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.runtime.fpga.Resources;
import org.infomorph.runtime.fpga.SynthSmoke;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infomorph synth on the smoke network (one small LLU; its synthesis is shared with the other synthesis tests through the cache). */
class SynthCommandTest {
    static String[] args(String target, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("synth", SynthSmoke.NETWORK.toString(), "--target", target, "--arch", SynthSmoke.ARCH.toString()));
        if (!List.of(more).contains("--units")) a.addAll(List.of("--units", "1"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aSimulatorTargetIsInvalidInput() {
        CliRun r = CliRun.of("synth", SynthSmoke.NETWORK.toString(), "--target", "verilator");
        assertEquals(ExitCode.INVALID_INPUT.code, r.exitCode());
        assertTrue(r.err().strip().lines().count() == 1 && r.err().contains("device.family \"simulation\""), r.err());
    }

    @Test
    void placeAndRouteIsOnlyForIce40() {
        CliRun r = CliRun.of(args("ecp5-85f-ulx3s", "--pnr"));
        assertEquals(ExitCode.INVALID_INPUT.code, r.exitCode());
        assertTrue(r.err().contains("--pnr") && r.err().contains("drop --pnr"), r.err());
    }

    @Test
    void jsonIsOneObjectWithTheTargetsMemoryKindsAndTheVerdict(@TempDir Path out) throws Exception {
        assumeTrue(SynthSmoke.yosysPresent(), SynthSmoke.NO_YOSYS);
        Resources measured = SynthSmoke.synthesise(FpgaFamily.ICE40).resources();
        CliRun r = CliRun.of(args("ice40up5k-icebreaker", "--json", "-", "--out", out.toString()));
        JsonNode j = new ObjectMapper().readTree(r.out()); // one object and nothing else on stdout
        assertEquals("infomorph-synth-summary/1", j.path("format").asText());
        assertEquals("ice40up5k-icebreaker", j.path("target").asText());
        assertEquals(measured.luts(), j.path("used").path("lut").asInt());
        assertEquals(measured.ffs(), j.path("used").path("ff").asInt());
        assertEquals(measured.dsps(), j.path("used").path("dsp").asInt());
        assertEquals(measured.blocks("SB_RAM40_4K"), j.path("used").path("ebr").asDouble());
        assertEquals(measured.blocks("SB_SPRAM256KA"), j.path("used").path("spram").asDouble());
        assertEquals(5280, j.path("capacity").path("lut").asInt());
        assertEquals(8, j.path("capacity").path("dsp").asInt());
        assertEquals(4, j.path("capacity").path("spram").asInt());
        assertEquals(30, j.path("capacity").path("ebr").asInt());
        assertTrue(j.path("estimate").has("lut") && j.path("estimate").has("spram") && j.path("estimate").has("ebr"), r.out());
        assertTrue(j.path("fmax_mhz").isNull());
        // one learning LLU of the small configuration: within the UP5K's LUT4s and blocks (its logic cells are not: below)
        boolean within = measured.luts() <= 5280 && measured.blocks("SB_RAM40_4K") <= 30 && measured.dsps() <= 8;
        assertTrue(within, "the smoke learning array is within the UP5K in synthesis: " + r.out());
        assertTrue(j.path("fits").asBoolean());
        assertEquals(ExitCode.OK.code, r.exitCode(), r.err());
        assertTrue(r.err().isBlank() || !r.err().contains("does not fit"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("synth.json")) && Files.isRegularFile(out.resolve("LluArray.sv")));
        assertEquals(j, new ObjectMapper().readTree(out.resolve("synth.json").toFile()));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<table id=\"table-resources\"") && html.contains("synthesised"), "the report puts synthesis beside the estimate");
    }

    @Test
    void withoutPlaceAndRouteTheIce40VerdictSaysLogicCellsAreUnchecked() {
        assumeTrue(SynthSmoke.yosysPresent(), SynthSmoke.NO_YOSYS);
        CliRun r = CliRun.of(args("ice40up5k-icebreaker"));
        assertEquals(ExitCode.OK.code, r.exitCode(), r.out() + r.err());
        assertEquals("fits ice40up5k-icebreaker", r.lastLine());
        assertTrue(r.out().contains("only --pnr says whether the logic fits"), r.out());
    }

    @Test
    void theSmokeLearningArrayPlacesAndRoutesOnTheUp5k() {
        assumeTrue(SynthSmoke.placeAndRoutePresent(), SynthSmoke.NO_YOSYS + " (or nextpnr-ice40 is missing)");
        CliRun r = CliRun.of(args("ice40up5k-icebreaker", "--pnr"));
        assertEquals(ExitCode.OK.code, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("place and route (nextpnr-ice40, up5k sg48, in a pin shell of 100 flip-flops): ICESTORM_LC "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith("Fmax ") && l.contains("MHz (nextpnr")), r.out());
        assertEquals("fits ice40up5k-icebreaker", r.lastLine());
    }

    @Test
    void logicCellsOverTheDeviceAreTheVerdictOfPlaceAndRoute() {
        assumeTrue(SynthSmoke.placeAndRoutePresent(), SynthSmoke.NO_YOSYS + " (or nextpnr-ice40 is missing)");
        // three learning lanes are within the LUT4s, but their flip-flops and carries need more logic cells than the UP5K has
        CliRun r = CliRun.of(args("ice40up5k-icebreaker", "--pnr", "--units", "3"));
        assertEquals(ExitCode.CHECK_FAILED.code, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("place and route (nextpnr-ice40, up5k sg48) failed: ICESTORM_LC "), r.out());
        assertTrue(r.out().contains("does not fit ice40up5k-icebreaker: place and route"), r.out());
        // fewer units, by the cells' ratio to the device (an upper bound)
        assertTrue(r.out().contains("smallest change: at most 2 units (--units 2"), r.out());
    }

    @Test
    void theTableFitsOnEcp5(@TempDir Path out) {
        assumeTrue(SynthSmoke.yosysPresent(), SynthSmoke.NO_YOSYS);
        Resources measured = SynthSmoke.synthesise(FpgaFamily.ECP5).resources();
        CliRun r = CliRun.of(args("ecp5-85f-ulx3s"));
        assertEquals(ExitCode.OK.code, r.exitCode(), r.out() + r.err());
        assertEquals("fits ecp5-85f-ulx3s", r.lastLine());
        String lut = r.out().lines().filter(l -> l.strip().startsWith("lut ")).findFirst().orElseThrow();
        assertTrue(lut.contains(String.format(java.util.Locale.ROOT, "%,d", measured.luts())) && lut.contains("83,640"), lut);
        assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith("ebr ")), r.out());
    }

    @Test
    void placeAndRouteIsSkippedWhenSynthesisIsAlreadyOver() {
        assumeTrue(SynthSmoke.yosysPresent(), SynthSmoke.NO_YOSYS);
        // six learning lanes of the small configuration are over the UP5K's LUT4s already
        CliRun r = CliRun.of(args("ice40up5k-icebreaker", "--pnr", "--units", "6"));
        assertEquals(ExitCode.CHECK_FAILED.code, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("place and route skipped: synthesis is already over the device (lut "), r.out());
        assertTrue(r.out().contains("does not fit ice40up5k-icebreaker: lut "), r.out());
    }
}
