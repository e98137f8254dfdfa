package org.infomorph.compiler.arch;

import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.network.ActivationSpec;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.pid.RedundancyLattice;

/**
 * One layer's constants in the {@code coefficient} format (round half up; a constant that does not
 * fit is an error naming the layer and the constant), docs/llu-rule.md sections 2.3 and 5.
 *
 * @param kind        the activation
 * @param activation  GRAETZ: [k1, 2(1-k1), k2, 2(1-k1)k2]; SCHNEIDER: [1-c1-c2, c1, c2, w1, w2, c1 w1, c2 w2]
 * @param beta        the goal's beta form per antichain, gamma order ({@link RedundancyLattice#beta})
 * @param gammaBottom gamma of the bottom antichain {1}{2}[{3}]
 * @param invLn2      1/ln 2
 * @param lattice     the lattice of the layer's source count
 */
public record LayerConstants(Kind kind, int[] activation, int[] beta, int gammaBottom, int invLn2, LatticeTables lattice) {
    public enum Kind { GRAETZ, SCHNEIDER }

    public static final int K1 = 0, TWO_ONE_MINUS_K1 = 1, K2 = 2, TWO_ONE_MINUS_K1_K2 = 3;
    public static final int C0 = 0, C1 = 1, C2 = 2, W1 = 3, W2 = 4, C1W1 = 5, C2W2 = 6;

    public LayerConstants {
        activation = activation.clone();
        beta = beta.clone();
    }

    @Override
    public int[] activation() {
        return activation.clone();
    }

    @Override
    public int[] beta() {
        return beta.clone();
    }

    /**
     * @throws InvalidInputException if the activation is not Graetz (2 sources) or Schneider
     *     (3 sources), or a constant does not fit {@code coefficient}
     */
    public static LayerConstants of(ArchConfig arch, LayerSpec layer) {
        Field f = arch.numerics().coefficient();
        String where = "layer " + layer.name();
        Kind kind;
        int[] act;
        if (layer.activation() instanceof ActivationSpec.Graetz g && layer.sourceCount() == 2) {
            kind = Kind.GRAETZ;
            act = new int[] {
                q(f, g.k1(), where, "k1"), q(f, 2 * (1 - g.k1()), where, "2(1-k1)"), q(f, g.k2(), where, "k2"),
                q(f, 2 * (1 - g.k1()) * g.k2(), where, "2(1-k1)k2")};
        } else if (layer.activation() instanceof ActivationSpec.Schneider s && layer.sourceCount() == 3) {
            kind = Kind.SCHNEIDER;
            act = new int[] {
                q(f, 1 - s.c1() - s.c2(), where, "1-c1-c2"), q(f, s.c1(), where, "c1"), q(f, s.c2(), where, "c2"),
                q(f, s.w1(), where, "w1"), q(f, s.w2(), where, "w2"),
                q(f, s.c1() * s.w1(), where, "c1*w1"), q(f, s.c2() * s.w2(), where, "c2*w2")};
        } else {
            throw new InvalidInputException(where + ": activation " + layer.activation()
                    + " with " + layer.sourceCount() + " sources is not supported by the LLU; use graetz (2 sources) or schneider (3 sources)");
        }
        RedundancyLattice lat = RedundancyLattice.of(layer.sourceCount());
        double[] gamma = layer.goal().gamma();
        double[] b = lat.beta(gamma);
        int[] beta = new int[b.length];
        for (int a = 0; a < b.length; a++) beta[a] = q(f, b[a], where, "beta[" + lat.antichains().get(a) + "]");
        int gb = q(f, gamma[lat.bottom()], where, "gamma_bottom");
        int inv = q(f, 1 / Math.log(2), where, "1/ln2");
        return new LayerConstants(kind, act, beta, gb, inv, LatticeTables.of(layer.sourceCount()));
    }

    private static int q(Field f, double v, String where, String name) {
        long x = ArchTables.roundHalfUp(Math.scalb(v, f.frac()));
        if (x < f.min() || x > f.max())
            throw new InvalidInputException(where + ": constant " + name + " = " + v + " does not fit numerics.coefficient "
                    + f + " (range " + f.min() * f.lsb() + ".." + f.max() * f.lsb() + "); widen coefficient.bits");
        return (int) x;
    }
}
