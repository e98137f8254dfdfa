package org.infomorph.runtime.fpga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.mapping.Allocator;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.mapping.LogicCalibration;
import org.infomorph.compiler.mapping.LogicModel;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.RtlMemories;
import org.infomorph.targets.TargetDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The stored logic calibration: made from its recipes, derived from the stored measurements, and
 * still true of fresh synthesis (the smoke configuration of every family here; every
 * configuration behind {@code -Dinfomorph.synth.full=true}).
 */
class LogicCalibrationTest {
    /** The compiler's resources folder, beside this module (surefire runs in the module folder). */
    static final Path RESOURCES = Path.of("..", "compiler", "src", "main", "resources", "org", "infomorph", "compiler", "mapping");

    static Map<FpgaFamily, List<GeneratorParams>> configs() {
        return LogicCalibrationRun.readConfigs(RESOURCES.resolve(LogicCalibrationRun.CONFIGS));
    }

    @Test
    void theStoredConfigurationsAreWhatTheRecipesMake() {
        assertEquals(CalibrationConfigs.generate(), configs(),
                "the compiler's memory plan changed: run infomorph calibrate configs, then infomorph calibrate logic (docs/synthesis.md)");
        for (FpgaFamily f : FpgaFamily.values()) assertEquals(SynthSmoke.params(f), configs().get(f).get(0), f.id);
    }

    /** What the compiler's exact models say of {@code p}: DSPs and the blocks of each memory kind of the family's board (by primitive). */
    static Map<String, Double> exactModel(FpgaFamily f, GeneratorParams p) {
        TargetDescriptor t = CalibrationConfigs.reference(f);
        Map<String, Double> blocks = Allocator.allocate(RtlMemories.of(p), t).blocksNeeded();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("dsp", (double) LogicModel.dsps(p));
        for (TargetDescriptor.Memory m : t.memories()) out.put(m.kind(), blocks.getOrDefault(m.name(), 0.0));
        return out;
    }

    /** The differences between measured figures and the models: LUTs within 20%, DSPs and blocks exact. */
    static List<String> differences(FpgaFamily f, GeneratorParams p, Map<String, Double> measured, LogicCalibration cal) {
        List<String> wrong = new ArrayList<>();
        double lut = measured.get("lut");
        double model = cal.predict(f, p).orElseThrow().get("lut");
        if (Math.abs(model - lut) > 0.2 * lut) wrong.add(f.id + " " + p.hash() + " LUTs: model " + Math.round(model) + ", yosys " + Math.round(lut));
        exactModel(f, p).forEach((k, v) -> {
            if (!v.equals(measured.getOrDefault(k, 0.0))) wrong.add(f.id + " " + p.hash() + " " + k + ": model " + v + ", yosys " + measured.get(k));
        });
        return wrong;
    }

    @Test
    void theStoredCoefficientsAreTheFitOfTheStoredMeasurements() {
        LogicCalibration stored = LogicCalibration.stored().orElseThrow(() -> new AssertionError(LogicCalibration.RESOURCE + " is missing"));
        Map<FpgaFamily, List<GeneratorParams>> cfgs = configs();
        List<String> wrong = new ArrayList<>();
        for (FpgaFamily f : FpgaFamily.values()) {
            List<LogicCalibration.Measurement> rows = LogicCalibrationRun.readCsv(RESOURCES.resolve("calibration-" + f.id + ".csv"), cfgs.get(f));
            assertEquals(cfgs.get(f).size(), rows.size(), f.id);
            LogicCalibration.FamilyModel refit = LogicCalibration.fit(rows);
            LogicCalibration.FamilyModel m = stored.families().get(f.id);
            // logic cells are measured (nextpnr) on iCE40 only
            java.util.Set<String> fitted = new java.util.TreeSet<>(LogicCalibration.FITTED);
            if (f != FpgaFamily.ICE40) fitted.remove("lc");
            assertEquals(fitted, refit.figures().keySet(), f.id);
            assertEquals(refit.figures().keySet(), m.figures().keySet(), f.id);
            refit.figures().forEach((k, lin) -> {
                LogicCalibration.Linear s = m.figures().get(k);
                assertEquals(lin.intercept(), s.intercept(), 1e-6 * Math.max(1, Math.abs(lin.intercept())), f.id + " " + k);
                assertEquals(lin.coefficients().keySet(), s.coefficients().keySet(), f.id + " " + k);
                lin.coefficients().forEach((c, v) -> assertEquals(v, s.coefficients().get(c), 1e-6 * Math.max(1, Math.abs(v)), f.id + " " + k + " " + c));
            });
            // the compiler's DSP count and block allocation reproduce every measured configuration exactly
            for (LogicCalibration.Measurement r : rows) wrong.addAll(differences(f, r.params(), r.figures(), stored));
        }
        assertEquals(List.of(), wrong);
    }

    private static void holdsAgainstFreshSynthesis(boolean all) {
        assumeTrue(SynthSmoke.yosysPresent(), SynthSmoke.NO_YOSYS);
        LogicCalibration stored = LogicCalibration.stored().orElseThrow();
        List<String> wrong = new ArrayList<>();
        for (FpgaFamily f : FpgaFamily.values())
            for (GeneratorParams p : all ? configs().get(f) : List.of(SynthSmoke.params(f))) {
                SynthFlow.Outcome o = SynthFlow.run(p, f, SynthFlow.Options.defaults(), msg -> System.out.println("  " + msg));
                Map<String, Double> measured = LogicCalibrationRun.figures(o.resources());
                System.out.printf("calibration %s %s: measured %s, model %s, exact %s%n", f, p.hash(), measured, stored.predict(f, p).orElseThrow(),
                        exactModel(f, p));
                wrong.addAll(differences(f, p, measured, stored));
            }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theStoredCoefficientsHoldAgainstFreshSynthesisOfTheSmokeConfiguration() {
        holdsAgainstFreshSynthesis(false);
    }

    @Test
    @EnabledIfSystemProperty(named = "infomorph.synth.full", matches = "true")
    void theStoredCoefficientsHoldAgainstFreshSynthesisOfEveryConfiguration() {
        holdsAgainstFreshSynthesis(true);
    }
}
