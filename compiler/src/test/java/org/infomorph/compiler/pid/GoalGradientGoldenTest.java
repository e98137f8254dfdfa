package org.infomorph.compiler.pid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Every case of goal-gradient-golden.json. */
class GoalGradientGoldenTest {

    private static final JsonNode CASES = Golden.read("goal-gradient-golden.json").get("cases");

    @Test
    void noisyAndAtomsGoalAndDeltaG() {
        JsonNode c = CASES.get("noisyAND_2x2_outputgamma");
        DensePmf pmf = PmfFile.parse("goal-gradient-golden.json#noisyAND", c);
        double[] gamma = Golden.doubles(c.get("gamma"));
        PidDecomposition d = PidEngine.decompose(pmf);
        assertArrayEquals(Golden.doubles(c.get("atoms")), d.info(), 1e-9);
        assertEquals(c.get("G").asDouble(), d.goal(gamma), 1e-9);
        double[] dg = PidEngine.deltaG(pmf, gamma);
        JsonNode expected = c.get("delta_g");
        for (int r = 0; r < 2; r++)
            for (int col = 0; col < 2; col++)
                assertEquals(expected.get(r).get(col).asDouble(), dg[r * 2 + col], 1e-9, "delta_g[" + r + "][" + col + "]");
    }

    @Test
    void tinyBatchThroughSoftHistogram() {
        JsonNode c = CASES.get("tiny_batch_B8_3x3_outputgamma");
        int[] r = Golden.ints(c.get("r_bin"));
        int[] col = Golden.ints(c.get("c_bin"));
        int[] cell = new int[r.length];
        for (int b = 0; b < r.length; b++) cell[b] = r[b] * 3 + col[b];
        double[] gamma = Golden.doubles(c.get("gamma"));
        SoftHistogramPid.Result res = SoftHistogramPid.evaluate(new int[] {3, 3}, cell,
                Golden.doubles(c.get("theta_plus")), gamma, true);
        assertArrayEquals(Golden.doubles(c.get("atoms")), res.atoms(), 1e-9);
        assertArrayEquals(Golden.doubles(c.get("dG_dtheta")), res.dGdTheta(), 1e-9);
        double g = 0;
        for (int i = 0; i < gamma.length; i++) g += gamma[i] * res.atoms()[i];
        assertEquals(g, res.goal(), 1e-15);

        SoftHistogramPid.Result gradOnly = SoftHistogramPid.evaluate(new int[] {3, 3}, cell,
                Golden.doubles(c.get("theta_plus")), gamma, false);
        assertEquals(null, gradOnly.atoms());
        assertEquals(Double.NaN, gradOnly.goal());
        assertArrayEquals(res.dGdTheta(), gradOnly.dGdTheta(), 0.0);
    }
}
