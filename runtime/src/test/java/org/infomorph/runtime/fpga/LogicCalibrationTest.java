package org.infomorph.runtime.fpga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.mapping.LogicCalibration;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.junit.jupiter.api.Test;

/** The stored logic calibration: derived from the stored measurements, and still true of fresh synthesis. */
class LogicCalibrationTest {
    /** The compiler's resources folder, beside this module (surefire runs in the module folder). */
    static final Path RESOURCES = Path.of("..", "compiler", "src", "main", "resources", "org", "infomorph", "compiler", "mapping");

    static List<GeneratorParams> configs() {
        return LogicCalibrationRun.readConfigs(RESOURCES.resolve(LogicCalibrationRun.CONFIGS));
    }

    @Test
    void theSmokeConfigurationIsTheFirstCalibrationConfiguration() {
        assertEquals(SynthSmoke.params(), configs().get(0));
    }

    @Test
    void theStoredCoefficientsAreTheFitOfTheStoredMeasurements() {
        LogicCalibration stored = LogicCalibration.stored().orElseThrow();
        List<GeneratorParams> cfgs = configs();
        for (FpgaFamily f : FpgaFamily.values()) {
            List<LogicCalibration.Measurement> rows = LogicCalibrationRun.readCsv(RESOURCES.resolve("calibration-" + f.id + ".csv"), cfgs);
            assertEquals(cfgs.size(), rows.size(), f.id);
            LogicCalibration.FamilyModel refit = LogicCalibration.fit(rows);
            LogicCalibration.FamilyModel m = stored.families().get(f.id);
            assertEquals(refit.figures().keySet(), m.figures().keySet(), f.id);
            refit.figures().forEach((k, lin) -> {
                LogicCalibration.Linear s = m.figures().get(k);
                assertEquals(lin.intercept(), s.intercept(), 1e-6 * Math.max(1, Math.abs(lin.intercept())), f.id + " " + k);
                assertEquals(lin.coefficients().keySet(), s.coefficients().keySet(), f.id + " " + k);
                lin.coefficients().forEach((c, v) -> assertEquals(v, s.coefficients().get(c), 1e-6 * Math.max(1, Math.abs(v)), f.id + " " + k + " " + c));
            });
            // the fitted model reproduces every measured DSP and block count exactly
            for (LogicCalibration.Measurement r : rows) {
                Map<String, Double> p = stored.predict(f, r.params()).orElseThrow();
                for (String k : r.figures().keySet())
                    if (!k.equals("lut") && !k.equals("ff") && !k.equals("lutram")) assertEquals(r.figures().get(k), p.get(k), f.id + " " + k + " " + r.params().hash());
            }
        }
    }

    @Test
    void theStoredCoefficientsHoldAgainstFreshSynthesis() {
        assumeTrue(SynthSmoke.yosysPresent(), SynthSmoke.NO_YOSYS);
        LogicCalibration stored = LogicCalibration.stored().orElseThrow();
        GeneratorParams p = SynthSmoke.params();
        for (FpgaFamily f : FpgaFamily.values()) {
            SynthFlow.Outcome o = SynthSmoke.synthesise(f);
            Map<String, Double> measured = new LinkedHashMap<>(LogicCalibrationRun.figures(o.resources()));
            Map<String, Double> model = stored.predict(f, p).orElseThrow();
            System.out.printf("calibration %s: measured %s, model %s%n", f, measured, model);
            double lut = measured.get("lut");
            assertTrue(Math.abs(model.get("lut") - lut) <= 0.2 * lut, f + " LUTs: model " + model.get("lut") + ", yosys " + lut);
            assertEquals(measured.get("dsp"), model.get("dsp"), f + " DSPs");
            for (String kind : f.blockKinds()) assertEquals(measured.get(kind), model.get(kind), f + " " + kind);
        }
    }
}
