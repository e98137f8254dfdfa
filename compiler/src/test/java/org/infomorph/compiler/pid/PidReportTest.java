package org.infomorph.compiler.pid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.infomorph.compiler.InvalidInputException;
import org.junit.jupiter.api.Test;

class PidReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noisyAndReportSerialisesGoldenValues() throws Exception {
        JsonNode c = Golden.read("goal-gradient-golden.json").get("cases").get("noisyAND_2x2_outputgamma");
        DensePmf pmf = PmfFile.parse("noisyAND", c);
        PidReport r = PidReport.of(pmf, Golden.doubles(c.get("gamma")), true);
        JsonNode out = JSON.readTree(JSON.writeValueAsString(r));
        double[] expectedAtoms = Golden.doubles(c.get("atoms"));
        for (int i = 0; i < 4; i++) assertEquals(expectedAtoms[i], out.get("atoms").get(i).asDouble(), 1e-9);
        assertEquals(expectedAtoms[4], out.get("H_res").asDouble(), 1e-9);
        assertEquals(c.get("G").asDouble(), out.get("G").asDouble(), 1e-9);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                assertEquals(c.get("delta_g").get(i).get(j).asDouble(), out.get("delta_g").get(i).get(j).asDouble(), 1e-9);
    }

    @Test
    void defaultGammaIsRedundancyAndDeltaGIsOmitted() throws Exception {
        JsonNode gate = Golden.read("pid-golden.json").get("cases").get("trihash");
        PidReport r = PidReport.of(PmfFile.parse("trihash", gate), null, false);
        assertEquals(gate.get("atoms").get(1).asDouble(), r.goal(), 1e-12);  // {1}{2}
        assertFalse(JSON.readTree(JSON.writeValueAsString(r)).has("delta_g"));
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, PidReport.defaultGamma(2), 0);
    }

    @Test
    void threeSourceDeltaGHasSourceShape() {
        double[] p = new double[2 * 3 * 2 * 2];
        for (int i = 0; i < p.length; i++) p[i] = (i + 1) / 300.0;
        DensePmf pmf = new DensePmf(new int[] {2, 3, 2}, 2, p);
        double[][][] t = (double[][][]) PidReport.of(pmf, null, true).deltaG();
        double[] flat = PidEngine.deltaG(pmf, PidReport.defaultGamma(3));
        assertEquals(flat[(1 * 3 + 2) * 2 + 1], t[1][2][1], 0);
    }

    @Test
    void rejectsDeltaGForNonBinaryTargetAndBadGamma() {
        DensePmf sum = PmfFile.parse("sum", Golden.read("pid-golden.json").get("cases").get("sum"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PidReport.of(sum, null, true));
        assertTrue(e.getMessage().startsWith("delta_g needs a binary target (found 3 target values)"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> PidReport.of(sum, new double[19], false));
    }
}
