package org.infomorph.runtime.reference;

import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.LayerConstants;
import org.infomorph.compiler.arch.Numerics;

import static org.infomorph.compiler.arch.LayerConstants.*;
import static org.infomorph.runtime.reference.FixedMath.roundShift;
import static org.infomorph.runtime.reference.FixedMath.saturate;

/**
 * Activation, sigmoid and slopes of one neuron and sample (docs/llu-rule.md sections 2.3-2.4).
 *
 * <p>Slopes: each dA/du_k is formed exactly in {@code long} at the binary point
 * coefficient.frac + 2 activation.frac + 2 theta.frac (products of the unrounded r*c, r*r),
 * reduced (HALF_UP) to coefficient.frac + theta.frac, multiplied by theta(2^theta.frac - theta) and
 * reduced to {@code slope} (HALF_UP, saturated). All slopes are 0 when the theta lookup saturated.
 */
final class ActivationUnit {
    /** One neuron's result for one sample. */
    static final class Out {
        int theta;
        final int[] f = new int[3];
    }

    private final LayerConstants.Kind kind;
    private final int[] k;
    private final SigmoidUnit sig;
    private final Field act, coef, slope;
    private final int af, tf, cf, sf;

    ActivationUnit(ArchConfig arch, LayerConstants constants, SigmoidUnit sig) {
        Numerics n = arch.numerics();
        kind = constants.kind();
        k = constants.activation();
        this.sig = sig;
        act = n.activation();
        coef = n.coefficient();
        slope = n.slope();
        af = act.frac();
        tf = n.theta().frac();
        cf = coef.frac();
        sf = slope.frac();
    }

    void apply(int r, int c, int l, boolean withSlopes, Out o, SaturationCounters sat) {
        long one = 1L << tf;
        int s1, s2 = 0;
        long m;
        long rc = (long) r * c, rl = (long) r * l;
        if (kind == LayerConstants.Kind.GRAETZ) {
            int rcq = saturate(roundShift(rc, af), act, sat, SaturationCounters.ACTIVATION);
            int z = saturate(roundShift((long) k[K2] * rcq, cf), act, sat, SaturationCounters.ACTIVATION);
            s1 = sig.lookup(z);
            m = saturate(k[K1] + roundShift((long) k[TWO_ONE_MINUS_K1] * s1, tf), coef, sat, SaturationCounters.COEFFICIENT);
        } else {
            int rcq = saturate(roundShift(rc, af), act, sat, SaturationCounters.ACTIVATION);
            int rlq = saturate(roundShift(rl, af), act, sat, SaturationCounters.ACTIVATION);
            s1 = sig.lookup(saturate(roundShift((long) k[W1] * rcq, cf), act, sat, SaturationCounters.ACTIVATION));
            s2 = sig.lookup(saturate(roundShift((long) k[W2] * rlq, cf), act, sat, SaturationCounters.ACTIVATION));
            m = saturate(k[C0] + roundShift((long) k[C1] * s1 + (long) k[C2] * s2, tf), coef, sat, SaturationCounters.COEFFICIENT);
        }
        int a = saturate(roundShift(r * m, cf), act, sat, SaturationCounters.ACTIVATION);
        int idx = sig.index(a);
        boolean saturated = sig.saturated(idx);
        if (saturated) sat.event(SaturationCounters.THETA_LUT);
        int theta = sig.at(idx);
        o.theta = theta;
        if (!withSlopes) return;
        if (saturated) {
            o.f[0] = o.f[1] = o.f[2] = 0;
            return;
        }
        long d = theta * (one - theta);
        long ds1 = s1 * (one - s1);
        long rr = (long) r * r;
        int hi = 2 * af + 2 * tf, mid = 2 * af + tf;
        if (kind == LayerConstants.Kind.GRAETZ) {
            long dar = ((long) k[K1] << hi) + (((long) k[TWO_ONE_MINUS_K1] * s1) << mid) + k[TWO_ONE_MINUS_K1_K2] * rc * ds1;
            long dac = k[TWO_ONE_MINUS_K1_K2] * rr * ds1;
            o.f[0] = slope(dar, d, sat);
            o.f[1] = slope(dac, d, sat);
        } else {
            long ds2 = s2 * (one - s2);
            long dar = ((long) k[C0] << hi) + (((long) k[C1] * s1 + (long) k[C2] * s2) << mid)
                    + k[C1W1] * rc * ds1 + k[C2W2] * rl * ds2;
            o.f[0] = slope(dar, d, sat);
            o.f[1] = slope(k[C1W1] * rr * ds1, d, sat);
            o.f[2] = slope(k[C2W2] * rr * ds2, d, sat);
        }
    }

    private int slope(long dA, long d, SaturationCounters sat) {
        long dAq = roundShift(dA, 2 * af + tf);
        return saturate(roundShift(dAq * d, cf + 3 * tf - sf), slope, sat, SaturationCounters.SLOPE);
    }
}
