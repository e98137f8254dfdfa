package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.infomorph.compiler.mapping.LogicCalibration;
import org.infomorph.runtime.fpga.SynthSmoke;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The developer commands that measure the tools. */
class CalibrateCommandTest {
    static final Path RESOURCES = Path.of("..", "compiler", "src", "main", "resources", "org", "infomorph", "compiler", "mapping");

    @Test
    void memoriesMeasuresTheQuickShapesOfAFamilyAndComparesThemWithTheModel(@TempDir Path work) throws Exception {
        assumeTrue(SynthSmoke.yosysPresent(), SynthSmoke.NO_YOSYS);
        Path csv = work.resolve("grid.csv");
        CliRun r = CliRun.of("calibrate", "memories", "--families", "ecp5", "--work", work.resolve("w").toString(), "--out", csv.toString());
        assertEquals(ExitCode.OK.code, r.exitCode(), r.out() + r.err());
        assertEquals("0 of 10 shapes differ from BlockMapping", r.lastLine());
        assertEquals(10 + 3, Files.readAllLines(csv).size(), "two comment lines, the header and one row per shape");
    }

    @Test
    void logicRefitsTheStoredMeasurements(@TempDir Path dir) throws Exception {
        for (String f : new String[] {"calibration-configs.json", "calibration-ice40.csv", "calibration-ecp5.csv", "calibration-xilinx7.csv"})
            Files.copy(RESOURCES.resolve(f), dir.resolve(f));
        CliRun r = CliRun.of("calibrate", "logic", "--refit", "--dir", dir.toString());
        assertEquals(ExitCode.OK.code, r.exitCode(), r.out() + r.err());
        LogicCalibration refit = LogicCalibration.parse(Files.readString(dir.resolve(LogicCalibration.RESOURCE)));
        LogicCalibration stored = LogicCalibration.stored().orElseThrow();
        assertEquals(stored.families().keySet(), refit.families().keySet());
        stored.families().forEach((f, m) -> m.figures().forEach((k, lin) -> assertEquals(lin.intercept(),
                refit.families().get(f).figures().get(k).intercept(), 1e-6 * Math.max(1, Math.abs(lin.intercept())), f + " " + k)));
        assertTrue(r.out().contains("wrote " + dir.resolve(LogicCalibration.RESOURCE)), r.out());
    }

    @Test
    void anUnknownFamilyIsInvalidInput() {
        CliRun r = CliRun.of("calibrate", "memories", "--families", "stratix");
        assertEquals(ExitCode.INVALID_INPUT.code, r.exitCode());
        assertTrue(r.err().contains("--families: unknown family stratix"), r.err());
    }
}
