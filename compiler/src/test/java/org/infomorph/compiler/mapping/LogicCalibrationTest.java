package org.infomorph.compiler.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.junit.jupiter.api.Test;

/** The least-squares fit of the logic model on data with known coefficients. */
class LogicCalibrationTest {
    static final Capacity SMALLEST = new Capacity(1, 16, 16, 16, 16, 16, 16, 16, 2);

    static GeneratorParams params(ArchConfig a, int units) {
        return new GeneratorParams(a, true, true, units, 1, SMALLEST, Map.of(), -1);
    }

    @Test
    void aLinearFigureIsRecoveredExactly() {
        ArchConfig d = ArchConfig.defaults(), narrow = d.withNumerics(d.numerics().withWeightBits(6));
        List<LogicCalibration.Measurement> rows = new ArrayList<>();
        for (GeneratorParams p : List.of(params(d, 1), params(d, 2), params(d, 3), params(narrow, 1), params(narrow, 2))) {
            double bits = LogicFeature.DATAPATH_BITS.of(p);
            rows.add(new LogicCalibration.Measurement(p, Map.of("lut", 500 + 40 * p.units() + 7 * bits + 3 * p.units() * bits, "dsp", 2.0 * p.units(),
                    "RAMB36E1", 0.5 * p.units())));
        }
        LogicCalibration.FamilyModel m = LogicCalibration.fit(rows);
        LogicCalibration.Linear lut = m.figures().get("lut");
        assertEquals(500, lut.intercept(), 1e-6);
        assertEquals(40, lut.coefficients().get("units"), 1e-6);
        assertEquals(7, lut.coefficients().get("datapathBits"), 1e-6);
        assertEquals(3, lut.coefficients().get("unitDatapathBits"), 1e-6);
        assertEquals(0, lut.maxResidual(), 1e-6);
        LogicCalibration cal = new LogicCalibration("test", "g", Map.of("xilinx7", m));
        Map<String, Double> p = cal.predict(FpgaFamily.XILINX7, params(d, 5)).orElseThrow();
        double bits5 = LogicFeature.DATAPATH_BITS.of(params(d, 5));
        assertEquals(500 + 40 * 5 + 7 * bits5 + 15 * bits5, p.get("lut"), 1e-6);
        // DSPs and blocks are not fitted: the exact models (LogicModel.dsps, Allocator) give them
        assertEquals(java.util.Set.of("lut"), m.figures().keySet());
        assertTrue(!p.containsKey("dsp") && !p.containsKey("RAMB36E1"), p.toString());
        // the JSON round trip keeps every coefficient
        LogicCalibration back = LogicCalibration.parse(cal.toJson());
        assertEquals(cal.families().get("xilinx7").figures().get("lut").coefficients(), back.families().get("xilinx7").figures().get("lut").coefficients());
    }

    @Test
    void constantAndCollinearFeaturesAreDropped() {
        ArchConfig d = ArchConfig.defaults();
        List<LogicCalibration.Measurement> rows = new ArrayList<>();
        for (int u = 1; u <= 3; u++) rows.add(new LogicCalibration.Measurement(params(d, u), Map.of("lut", 1000.0 + 900 * u)));
        LogicCalibration.Linear lut = LogicCalibration.fit(rows).figures().get("lut");
        // one architecture: the widths are constant (intercept) and units x widths is a multiple of units
        assertEquals(Map.of("units", 900.0), Map.of("units", Math.rint(lut.coefficients().get("units"))));
        assertEquals(1, lut.coefficients().size());
        assertEquals(1000, lut.intercept(), 1e-6);
    }
}
