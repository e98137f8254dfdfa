package org.infomorph.compiler.pid;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.infomorph.compiler.InvalidInputException;

/**
 * What {@code infomorph pid} prints for one PMF: the PID atoms in gamma order (notes section 3.2),
 * {@code H_res}, the goal {@code G = gamma . [atoms, H_res]} and, on request, the per-bin gradient
 * table {@code delta_g} (notes section 7.2) shaped like the PMF's sources ({@code double[][]} for 2
 * sources, {@code double[][][]} for 3). Serialises with Jackson as {@code atoms, H_res, G, delta_g};
 * {@code delta_g} is omitted when absent.
 */
public record PidReport(
        @JsonProperty("atoms") double[] atoms,
        @JsonProperty("H_res") double hRes,
        @JsonProperty("G") double goal,
        @JsonProperty("delta_g") @JsonInclude(JsonInclude.Include.NON_NULL) Object deltaG) {

    public PidReport {
        atoms = atoms.clone();
    }

    @Override
    public double[] atoms() {
        return atoms.clone();
    }

    /**
     * The "naive" goal used when none is given: redundancy only, i.e. 1 on {@code {1}{2}} ({@code [0,0,1,0,0]}
     * for 2 sources; index 1 of the 19-vector for 3 sources).
     */
    public static double[] defaultGamma(int sources) {
        double[] gamma = new double[RedundancyLattice.of(sources).gammaLength()];
        gamma[sources == 2 ? 2 : 1] = 1;
        return gamma;
    }

    /**
     * Decomposes {@code pmf}, evaluates the goal and optionally the gradient table.
     *
     * @param gamma    goal vector (5 or 19 entries), or null for {@link #defaultGamma(int)}
     * @param gradient also compute {@code delta_g}; needs a binary target
     * @throws InvalidInputException if gamma has the wrong length or delta_g is asked for a non-binary target
     */
    public static PidReport of(DensePmf pmf, double[] gamma, boolean gradient) {
        int n = pmf.sources();
        double[] g = gamma == null ? defaultGamma(n) : PmfFile.checkGamma(null, "gamma", gamma, n);
        if (gradient && pmf.targetBins() != 2) {
            throw new InvalidInputException("delta_g needs a binary target (found " + pmf.targetBins()
                    + " target values); drop the gradient request or use a two-valued target");
        }
        PidDecomposition d = PidEngine.decompose(pmf);
        Object table = gradient ? shape(PidEngine.deltaG(pmf, g), pmf.sourceBins()) : null;
        return new PidReport(d.atoms(), d.hRes(), d.goal(g), table);
    }

    private static Object shape(double[] flat, int[] bins) {
        if (bins.length == 2) {
            double[][] t = new double[bins[0]][bins[1]];
            for (int i = 0; i < bins[0]; i++) System.arraycopy(flat, i * bins[1], t[i], 0, bins[1]);
            return t;
        }
        double[][][] t = new double[bins[0]][bins[1]][bins[2]];
        for (int i = 0; i < bins[0]; i++)
            for (int j = 0; j < bins[1]; j++) System.arraycopy(flat, (i * bins[1] + j) * bins[2], t[i][j], 0, bins[2]);
        return t;
    }
}
