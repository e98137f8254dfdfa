package org.infomorph.compiler.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of one neuron and sample in the LLU (docs/llu-rule.md sections 2.3-2.4 and 6):
 * every product, rounding and saturation of the activation, the slopes and the errors, as a list
 * of steps. The integer model (L2) interprets it and the Chisel generator builds the neuron
 * engine from it, so both execute one definition.
 *
 * <p>A {@link Op#PRODUCT} step computes {@code sat_F((addend << addendShift + a1*b1 [+ a2*b2]) >>r shift)},
 * every operand at most {@link ArchConfig#MULTIPLIER_BITS} bits, exact in 40 bits before the
 * rounding shift. An {@link Op#INPUT} step reduces a source's 32-bit accumulator by the
 * source's own shift (a per-source value of the network). A {@link Op#SIGMOID} step looks an
 * activation-format value up in the sigmoid table.
 *
 * @param kind  the activation the program computes
 * @param steps in execution order; each reads only registers written by earlier steps
 */
public record NeuronProgram(LayerConstants.Kind kind, List<Step> steps) {
    /** The engine's registers, one value each per neuron. */
    public enum Reg { R, C, L, RCQ, RLQ, Z1, Z2, S1, S2, M, A, TH, DS1, DS2, DTH, T1, T2, DAR, DAC, DAL, T1R, T2R, F0, F1, F2, TAB, E0, E1, E2 }

    /** When a step runs: every sample, or on learning last steps only (slopes before, errors after the histogram update). */
    public enum Phase { FORWARD, SLOPES, ERRORS }

    /** What a step saturates to, and the counter of the event; EXACT results are bounded and never saturate. */
    public enum Format {
        ACTIVATION(Counter.ACTIVATION), COEFFICIENT(Counter.COEFFICIENT), SLOPE(Counter.SLOPE), ERROR(Counter.ERROR), EXACT(null);

        public final Counter counter;

        Format(Counter counter) {
            this.counter = counter;
        }

        /** The field of this format, or null for EXACT. */
        public Field field(Numerics n) {
            return switch (this) {
                case ACTIVATION -> n.activation();
                case COEFFICIENT -> n.coefficient();
                case SLOPE -> n.slope();
                case ERROR -> n.error();
                case EXACT -> null;
            };
        }
    }

    public enum Op { INPUT, PRODUCT, SIGMOID }

    /** An operand: a register, an engine constant k[i] of the layer, or 2^theta.frac minus a register. */
    public record Operand(Source source, int index) {
        public enum Source { REG, CONST, ONE_MINUS }

        public static Operand reg(Reg r) {
            return new Operand(Source.REG, r.ordinal());
        }

        public static Operand k(int i) {
            return new Operand(Source.CONST, i);
        }

        public static Operand oneMinus(Reg r) {
            return new Operand(Source.ONE_MINUS, r.ordinal());
        }
    }

    /**
     * One step.
     *
     * @param source       INPUT: the source whose accumulator is reduced; ERRORS: the source of the error; else -1
     * @param zeroIfLutSat the result is 0, and no event is counted, when the theta lookup saturated
     */
    public record Step(Op op, Reg dst, Operand a1, Operand b1, Operand a2, Operand b2, Operand addend, int addendShift, int shift,
                       Format format, Phase phase, boolean zeroIfLutSat, int source) {
        public boolean hasSecondProduct() {
            return a2 != null;
        }
    }

    /** Engine constants k[0..6] (LayerConstants.engine()): the Schneider form; Graetz is k1, 2(1-k1), 0, k2, 0, 2(1-k1)k2, 0. */
    public static final int C0 = 0, C1 = 1, C2 = 2, W1 = 3, W2 = 4, C1W1 = 5, C2W2 = 6;

    /** The program of a layer of this kind under this architecture. */
    public static NeuronProgram of(ArchConfig arch, LayerConstants.Kind kind) {
        Numerics n = arch.numerics();
        int af = n.activation().frac(), cf = n.coefficient().frac(), tf = n.theta().frac(), sf = n.slope().frac();
        int dA = sf + af - cf; // slope x activation products back to the coefficient format
        int sl = cf + 2 * tf - sf; // coefficient x theta' products to the slope format
        boolean three = kind == LayerConstants.Kind.SCHNEIDER;
        B b = new B();
        b.input(Reg.R, 0);
        b.input(Reg.C, 1);
        if (three) b.input(Reg.L, 2);
        b.mul(Phase.FORWARD, Reg.RCQ, r(Reg.R), r(Reg.C), af, Format.ACTIVATION);
        if (three) b.mul(Phase.FORWARD, Reg.RLQ, r(Reg.R), r(Reg.L), af, Format.ACTIVATION);
        b.mul(Phase.FORWARD, Reg.Z1, Operand.k(W1), r(Reg.RCQ), cf, Format.ACTIVATION);
        if (three) b.mul(Phase.FORWARD, Reg.Z2, Operand.k(W2), r(Reg.RLQ), cf, Format.ACTIVATION);
        b.sigmoid(Reg.S1, Reg.Z1);
        if (three) b.sigmoid(Reg.S2, Reg.Z2);
        // m = k[C0] + (k[C1] s1 [+ k[C2] s2]) >>r tf, the addend shifted to the products' binary point
        b.add(new Step(Op.PRODUCT, Reg.M, Operand.k(C1), r(Reg.S1), three ? Operand.k(C2) : null, three ? r(Reg.S2) : null,
                Operand.k(C0), tf, tf, Format.COEFFICIENT, Phase.FORWARD, false, -1));
        b.mul(Phase.FORWARD, Reg.A, r(Reg.R), r(Reg.M), cf, Format.ACTIVATION);
        b.sigmoid(Reg.TH, Reg.A);
        // slopes f_k = theta(1 - theta) dA/du_k, each product rounded back to a 16-bit format
        b.mul(Phase.SLOPES, Reg.DS1, r(Reg.S1), Operand.oneMinus(Reg.S1), 0, Format.EXACT);
        if (three) b.mul(Phase.SLOPES, Reg.DS2, r(Reg.S2), Operand.oneMinus(Reg.S2), 0, Format.EXACT);
        b.mul(Phase.SLOPES, Reg.DTH, r(Reg.TH), Operand.oneMinus(Reg.TH), 0, Format.EXACT);
        b.mul(Phase.SLOPES, Reg.T1, Operand.k(C1W1), r(Reg.DS1), sl, Format.SLOPE);
        if (three) b.mul(Phase.SLOPES, Reg.T2, Operand.k(C2W2), r(Reg.DS2), sl, Format.SLOPE);
        // dA/dr = m + t1 rc [+ t2 rl]
        b.add(new Step(Op.PRODUCT, Reg.DAR, r(Reg.T1), r(Reg.RCQ), three ? r(Reg.T2) : null, three ? r(Reg.RLQ) : null,
                r(Reg.M), dA, dA, Format.COEFFICIENT, Phase.SLOPES, false, -1));
        // dA/dc = (t1 r) r, dA/dl = (t2 r) r
        b.mul(Phase.SLOPES, Reg.T1R, r(Reg.T1), r(Reg.R), af, Format.SLOPE);
        b.mul(Phase.SLOPES, Reg.DAC, r(Reg.T1R), r(Reg.R), dA, Format.COEFFICIENT);
        if (three) {
            b.mul(Phase.SLOPES, Reg.T2R, r(Reg.T2), r(Reg.R), af, Format.SLOPE);
            b.mul(Phase.SLOPES, Reg.DAL, r(Reg.T2R), r(Reg.R), dA, Format.COEFFICIENT);
        }
        Reg[] dAk = {Reg.DAR, Reg.DAC, Reg.DAL}, f = {Reg.F0, Reg.F1, Reg.F2}, e = {Reg.E0, Reg.E1, Reg.E2};
        int sources = three ? 3 : 2;
        for (int k = 0; k < sources; k++)
            b.add(new Step(Op.PRODUCT, f[k], r(dAk[k]), r(Reg.DTH), null, null, null, 0, sl, Format.SLOPE, Phase.SLOPES, true, k));
        // errors e_k = (table[cell] f_k) >>r (table.frac + slope.frac - error.frac)
        int es = n.table().frac() + sf - n.error().frac();
        for (int k = 0; k < sources; k++)
            b.add(new Step(Op.PRODUCT, e[k], r(Reg.TAB), r(f[k]), null, null, null, 0, es, Format.ERROR, Phase.ERRORS, false, k));
        return new NeuronProgram(kind, List.copyOf(b.steps));
    }

    /** The steps of one phase, in order. */
    public List<Step> phase(Phase p) {
        return steps.stream().filter(s -> s.phase() == p).toList();
    }

    private static Operand r(Reg reg) {
        return Operand.reg(reg);
    }

    private static final class B {
        final List<Step> steps = new ArrayList<>();

        void add(Step s) {
            steps.add(s);
        }

        void input(Reg dst, int source) {
            add(new Step(Op.INPUT, dst, null, null, null, null, null, 0, 0, Format.ACTIVATION, Phase.FORWARD, false, source));
        }

        void mul(Phase ph, Reg dst, Operand a, Operand b, int shift, Format f) {
            add(new Step(Op.PRODUCT, dst, a, b, null, null, null, 0, shift, f, ph, false, -1));
        }

        void sigmoid(Reg dst, Reg arg) {
            add(new Step(Op.SIGMOID, dst, Operand.reg(arg), null, null, null, null, 0, 0, Format.EXACT, Phase.FORWARD, false, -1));
        }
    }
}
