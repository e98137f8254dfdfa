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
 * @param engine      the neuron engine's constants k[0..6] ({@link NeuronProgram}): SCHNEIDER [1-c1-c2, c1, c2, w1, w2,
 *                    c1 w1, c2 w2]; GRAETZ the same form with c2 = w2 = 0: [k1, 2(1-k1), 0, k2, 0, 2(1-k1)k2, 0]
 * @param beta        the goal's beta form per antichain, gamma order ({@link RedundancyLattice#beta})
 * @param betaR       beta / ln 2 per antichain: the R-term's factor, rounded once
 * @param gammaBottom gamma of the bottom antichain {1}{2}[{3}]
 * @param lattice     the lattice of the layer's source count
 */
public record LayerConstants(Kind kind, int[] engine, int[] beta, int[] betaR, int gammaBottom, LatticeTables lattice) {
    public enum Kind { GRAETZ, SCHNEIDER }

    public LayerConstants {
        engine = engine.clone();
        beta = beta.clone();
        betaR = betaR.clone();
    }

    @Override
    public int[] engine() {
        return engine.clone();
    }

    @Override
    public int[] beta() {
        return beta.clone();
    }

    @Override
    public int[] betaR() {
        return betaR.clone();
    }

    public int sources() {
        return kind == Kind.SCHNEIDER ? 3 : 2;
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
                q(f, g.k1(), where, "k1"), q(f, 2 * (1 - g.k1()), where, "2(1-k1)"), 0, q(f, g.k2(), where, "k2"), 0,
                q(f, 2 * (1 - g.k1()) * g.k2(), where, "2(1-k1)k2"), 0};
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
        int[] beta = new int[b.length], betaR = new int[b.length];
        for (int a = 0; a < b.length; a++) {
            beta[a] = q(f, b[a], where, "beta[" + lat.antichains().get(a) + "]");
            betaR[a] = q(f, b[a] / Math.log(2), where, "beta[" + lat.antichains().get(a) + "]/ln2");
        }
        int gb = q(f, gamma[lat.bottom()], where, "gamma_bottom");
        return new LayerConstants(kind, act, beta, betaR, gb, LatticeTables.of(layer.sourceCount()));
    }

    private static int q(Field f, double v, String where, String name) {
        long x = ArchTables.roundHalfUp(Math.scalb(v, f.frac()));
        if (x < f.min() || x > f.max())
            throw new InvalidInputException(where + ": constant " + name + " = " + v + " does not fit numerics.coefficient "
                    + f + " (range " + f.min() * f.lsb() + ".." + f.max() * f.lsb() + "); widen coefficient.bits");
        return (int) x;
    }
}
