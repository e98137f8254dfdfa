package org.infomorph.compiler.train;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Graetz and Schneider activations of {@link ActivationMath} on the Vector API: lane by lane
 * the same additions, multiplications, divisions and selects as the scalar code, in the same
 * order, and the exponential of {@link Sigmoid#expNonPositive}, so the bits are the scalar ones.
 * Each method handles whole vectors from {@code from} and returns where the scalar tail starts.
 */
final class VectorActivation {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final long ROUND_BITS = Double.doubleToRawLongBits(Sigmoid.ROUND);

    private VectorActivation() {}

    static int graetz(ActivationMath.Graetz f, double[] r, double[] c, double[] theta, double[][] slopes, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) graetzLanes(f, r, c, theta, slopes, i);
        return i;
    }

    private static void graetzLanes(ActivationMath.Graetz f, double[] r, double[] c, double[] theta, double[][] slopes, int i) {
        DoubleVector rv = DoubleVector.fromArray(S, r, i), cv = DoubleVector.fromArray(S, c, i);
        DoubleVector sc = sigmoid(rv.mul(f.k2).mul(cv));
        DoubleVector a = rv.mul(sc.mul(f.q).add(f.k1));
        DoubleVector t = sigmoid(a);
        t.max(ActivationMath.GRAETZ_CLAMP).min(1 - ActivationMath.GRAETZ_CLAMP).intoArray(theta, i);
        if (slopes == null) return;
        VectorMask<Double> flat = t.compare(VectorOperators.LT, ActivationMath.GRAETZ_CLAMP)
                .or(t.compare(VectorOperators.GT, 1 - ActivationMath.GRAETZ_CLAMP))
                .or(a.abs().compare(VectorOperators.GE, f.slopeCutoff));
        DoubleVector d = t.mul(one().sub(t)).blend(0.0, flat);
        DoubleVector dsc = sc.mul(one().sub(sc));
        DoubleVector rq = rv.mul(f.qk2);
        d.mul(sc.mul(f.q).add(f.k1).add(rq.mul(cv).mul(dsc))).intoArray(slopes[0], i);
        d.mul(rq.mul(rv).mul(dsc)).intoArray(slopes[1], i);
    }

    static int schneider(ActivationMath.Schneider f, double[] r, double[] c, double[] l, double[] theta, double[][] slopes,
                         int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) schneiderLanes(f, r, c, l, theta, slopes, i);
        return i;
    }

    private static void schneiderLanes(ActivationMath.Schneider f, double[] r, double[] c, double[] l, double[] theta,
                                       double[][] slopes, int i) {
        DoubleVector rv = DoubleVector.fromArray(S, r, i), cv = DoubleVector.fromArray(S, c, i), lv = DoubleVector.fromArray(S, l, i);
        DoubleVector s1 = sigmoid(rv.mul(f.w1).mul(cv));
        DoubleVector s2 = sigmoid(rv.mul(f.w2).mul(lv));
        DoubleVector m = s1.mul(f.c1).add(f.c0).add(s2.mul(f.c2));
        DoubleVector a = rv.mul(m);
        DoubleVector t = sigmoid(a);
        t.intoArray(theta, i);
        if (slopes == null) return;
        DoubleVector d = t.mul(one().sub(t)).blend(0.0, a.abs().compare(VectorOperators.GE, f.slopeCutoff));
        DoubleVector ds1 = s1.mul(one().sub(s1)), ds2 = s2.mul(one().sub(s2));
        d.mul(m.add(rv.mul(cv.mul(f.c1w1).mul(ds1).add(lv.mul(f.c2w2).mul(ds2))))).intoArray(slopes[0], i);
        d.mul(rv.mul(f.c1w1).mul(rv).mul(ds1)).intoArray(slopes[1], i);
        d.mul(rv.mul(f.c2w2).mul(rv).mul(ds2)).intoArray(slopes[2], i);
    }

    /** {@link Sigmoid#of} lane by lane. */
    static DoubleVector sigmoid(DoubleVector u) {
        DoubleVector e = expNonPositive(u.abs().neg());
        return e.blend(1.0, u.compare(VectorOperators.GE, 0.0)).div(e.add(1.0));
    }

    /** {@link Sigmoid#expNonPositive} lane by lane. */
    static DoubleVector expNonPositive(DoubleVector x) {
        x = x.max(Sigmoid.MIN_ARG);
        DoubleVector t = x.mul(Sigmoid.INV_LN2).add(Sigmoid.ROUND);
        DoubleVector n = t.sub(Sigmoid.ROUND);
        DoubleVector r = x.sub(n.mul(Sigmoid.LN2_HI)).sub(n.mul(Sigmoid.LN2_LO));
        double[] k = Sigmoid.TAYLOR;
        DoubleVector p = DoubleVector.broadcast(S, k[0]);
        for (int j = 1; j < k.length; j++) p = p.mul(r).add(k[j]);
        DoubleVector scale = t.reinterpretAsLongs().sub(ROUND_BITS).add(1023L).lanewise(VectorOperators.LSHL, 52L).reinterpretAsDoubles();
        return p.mul(scale);
    }

    private static DoubleVector one() {
        return DoubleVector.broadcast(S, 1.0);
    }
}
