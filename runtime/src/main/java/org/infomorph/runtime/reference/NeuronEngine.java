package org.infomorph.runtime.reference;

import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Counter;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.NeuronProgram;
import org.infomorph.compiler.arch.NeuronProgram.Operand;
import org.infomorph.compiler.arch.NeuronProgram.Phase;
import org.infomorph.compiler.arch.NeuronProgram.Step;

import static org.infomorph.compiler.fixed.Fixed.roundShift;

/**
 * Executes a layer's {@link NeuronProgram} for one neuron and sample (docs/llu-rule.md sections
 * 2.3-2.4 and 6): the integer model's twin of the RTL neuron engine, which is generated from the
 * same program. Registers are ints indexed by {@link NeuronProgram.Reg}; products are exact in
 * {@code long} before their rounding shift.
 */
final class NeuronEngine {
    private final Code forward, slopes, errors;
    private final SigmoidUnit sig;
    private final int one;
    private final long actMin, actMax;
    private static final int TH = NeuronProgram.Reg.TH.ordinal(), TAB = NeuronProgram.Reg.TAB.ordinal();
    private static final int INPUT = 0, PRODUCT = 1, SIGMOID = 2;
    private static final int REG = 0, CONST = 1, ONE_MINUS = 2, NONE = 3;

    /**
     * A phase's steps as flat int arrays (the interpreter then reads ints, not records and enums):
     * per step its op, dst, source and shifts; per operand slot (a1, b1, a2, b2, addend: 5 per step)
     * a kind and a register index or, for CONST, the constant itself; the saturation range when not EXACT.
     */
    private record Code(int length, int[] op, int[] dst, int[] source, int[] addendShift, int[] shift, boolean[] ranged, long[] min,
                        long[] max, int[] counter, boolean[] zeroIfLutSat, int[] kind, int[] val) {
        static Code of(Step[] steps, ArchConfig arch, int[] k) {
            int n = steps.length;
            Code c = new Code(n, new int[n], new int[n], new int[n], new int[n], new int[n], new boolean[n], new long[n], new long[n],
                    new int[n], new boolean[n], new int[5 * n], new int[5 * n]);
            for (int i = 0; i < n; i++) {
                Step s = steps[i];
                c.op[i] = switch (s.op()) {
                    case INPUT -> INPUT;
                    case PRODUCT -> PRODUCT;
                    case SIGMOID -> SIGMOID;
                };
                c.dst[i] = s.dst().ordinal();
                c.source[i] = s.source();
                c.addendShift[i] = s.addendShift();
                c.shift[i] = s.shift();
                Field f = s.format().field(arch.numerics());
                c.ranged[i] = f != null;
                if (f != null) {
                    c.min[i] = f.min();
                    c.max[i] = f.max();
                }
                c.counter[i] = s.format().counter == null ? -1 : s.format().counter.id();
                c.zeroIfLutSat[i] = s.zeroIfLutSat();
                Operand[] ops = {s.a1(), s.b1(), s.a2(), s.b2(), s.addend()};
                for (int o = 0; o < 5; o++) {
                    Operand x = ops[o];
                    c.kind[5 * i + o] = x == null ? NONE : switch (x.source()) {
                        case REG -> REG;
                        case CONST -> CONST;
                        case ONE_MINUS -> ONE_MINUS;
                    };
                    c.val[5 * i + o] = x == null ? 0 : x.source() == Operand.Source.CONST ? k[x.index()] : x.index();
                }
            }
            return c;
        }
    }

    NeuronEngine(ArchConfig arch, NeuronProgram program, int[] engineConstants, SigmoidUnit sig) {
        int[] k = engineConstants.clone();
        forward = Code.of(program.phase(Phase.FORWARD).toArray(Step[]::new), arch, k);
        slopes = Code.of(program.phase(Phase.SLOPES).toArray(Step[]::new), arch, k);
        errors = Code.of(program.phase(Phase.ERRORS).toArray(Step[]::new), arch, k);
        this.sig = sig;
        one = 1 << arch.numerics().theta().frac();
        Field a = arch.numerics().activation();
        actMin = a.min();
        actMax = a.max();
    }

    /**
     * The forward phase (u_k from the 32-bit accumulators, activation, theta), then the slopes when
     * {@code withSlopes}. {@code uShift[k]} is source k's shift input.frac + weightFrac - productShift -
     * activation.frac. Returns whether the theta lookup saturated.
     */
    boolean forward(long[] acc, int[] uShift, boolean withSlopes, int[] regs, SaturationCounters sat) {
        boolean lutSat = false;
        Code c = forward;
        for (int i = 0; i < c.length; i++) {
            switch (c.op[i]) {
                case INPUT -> regs[c.dst[i]] = satAct(roundShift(acc[c.source[i]], uShift[c.source[i]]), sat);
                case SIGMOID -> {
                    int idx = sig.index(regs[c.val[5 * i]]);
                    regs[c.dst[i]] = sig.at(idx);
                    if (c.dst[i] == TH && sig.saturated(idx)) {
                        lutSat = true;
                        sat.event(Counter.THETA_LUT.id());
                    }
                }
                default -> regs[c.dst[i]] = product(c, i, regs, sat, false);
            }
        }
        if (withSlopes) {
            Code s = slopes;
            for (int i = 0; i < s.length; i++) regs[s.dst[i]] = s.zeroIfLutSat[i] && lutSat ? 0 : product(s, i, regs, sat, lutSat);
        }
        return lutSat;
    }

    /**
     * The registers of a block of neurons that run the program together, one lane each: {@code acc[k][lane]},
     * {@code regs[reg][lane]}. One interpreter step then serves every neuron of the block.
     */
    static final class Block {
        final long[][] acc;
        final int[][] regs;
        /** per operand slot of the current step: its values when it is neither a register nor a constant */
        private final int[][] operand;
        /** per operand slot: a constant's value in every lane */
        private final int[][] constant;
        private final boolean[] lutSat;

        Block(int sources, int lanes) {
            acc = new long[sources][lanes];
            regs = new int[NeuronProgram.Reg.values().length][lanes];
            operand = new int[5][lanes];
            constant = new int[5][lanes];
            lutSat = new boolean[lanes];
        }
    }

    /** As {@link #forward(long[], int[], boolean, int[], SaturationCounters)} for lanes 0..count-1 of a block: the same steps, lane by lane. */
    void forward(Block b, int[] uShift, boolean withSlopes, int count, SaturationCounters sat) {
        java.util.Arrays.fill(b.lutSat, 0, count, false);
        Code c = forward;
        for (int i = 0; i < c.length; i++) {
            int[] dst = b.regs[c.dst[i]];
            switch (c.op[i]) {
                case INPUT -> {
                    long[] a = b.acc[c.source[i]];
                    int sh = uShift[c.source[i]];
                    for (int l = 0; l < count; l++) dst[l] = satAct(roundShift(a[l], sh), sat);
                }
                case SIGMOID -> {
                    int[] x = b.regs[c.val[5 * i]];
                    boolean th = c.dst[i] == TH;
                    for (int l = 0; l < count; l++) {
                        int idx = sig.index(x[l]);
                        dst[l] = sig.at(idx);
                        if (th && sig.saturated(idx)) {
                            b.lutSat[l] = true;
                            sat.event(Counter.THETA_LUT.id());
                        }
                    }
                }
                default -> product(c, i, b, dst, count, sat, false);
            }
        }
        if (!withSlopes) return;
        Code s = slopes;
        for (int i = 0; i < s.length; i++) {
            int[] dst = b.regs[s.dst[i]];
            product(s, i, b, dst, count, sat, true);
            if (s.zeroIfLutSat[i]) for (int l = 0; l < count; l++) if (b.lutSat[l]) dst[l] = 0;
        }
    }

    /**
     * Step i of code c for lanes 0..count-1 into dst; with {@code slopes}, a lane whose theta lookup
     * saturated counts no events (the scalar step is quiet there, or replaced by 0).
     */
    private void product(Code c, int i, Block b, int[] dst, int count, SaturationCounters sat, boolean slopes) {
        int o = 5 * i;
        int[] a1 = lanes(c, o, b, count), b1 = lanes(c, o + 1, b, count);
        boolean two = c.kind[o + 2] != NONE, add = c.kind[o + 4] != NONE;
        int[] a2 = two ? lanes(c, o + 2, b, count) : null, b2 = two ? lanes(c, o + 3, b, count) : null;
        int[] ad = add ? lanes(c, o + 4, b, count) : null;
        int addShift = c.addendShift[i], shift = c.shift[i];
        boolean ranged = c.ranged[i];
        long min = c.min[i], max = c.max[i];
        for (int l = 0; l < count; l++) {
            long v = (long) a1[l] * b1[l];
            if (two) v += (long) a2[l] * b2[l];
            if (add) v += (long) ad[l] << addShift;
            v = roundShift(v, shift);
            if (ranged && (v > max || v < min)) {
                if (!(slopes && b.lutSat[l])) sat.event(c.counter[i]);
                v = v > max ? max : min;
            }
            dst[l] = (int) v;
        }
    }

    /** Operand slot {@code o}'s value in every lane: a register's row, or the block's scratch row filled with it. */
    private int[] lanes(Code c, int o, Block b, int count) {
        int v = c.val[o];
        switch (c.kind[o]) {
            case REG -> {
                return b.regs[v];
            }
            case CONST -> {
                int[] k = b.constant[o % 5];
                java.util.Arrays.fill(k, 0, count, v);
                return k;
            }
            default -> {
                int[] r = b.regs[v], x = b.operand[o % 5];
                for (int l = 0; l < count; l++) x[l] = one - r[l];
                return x;
            }
        }
    }

    /** The errors of the non-fixed sources from the table entry {@code tab} (register TAB). */
    void errors(int tab, boolean[] fixed, int[] regs, SaturationCounters sat) {
        regs[TAB] = tab;
        Code e = errors;
        for (int i = 0; i < e.length; i++) if (!fixed[e.source[i]]) regs[e.dst[i]] = product(e, i, regs, sat, false);
    }

    /** The error of source k from table entry {@code tab} and slope {@code f} (the ERRORS step of that source). */
    int error(int k, int tab, int f, SaturationCounters sat) {
        return error(k, tab, f, new int[NeuronProgram.Reg.values().length], sat);
    }

    /** As {@link #error(int, int, int, SaturationCounters)}, with the caller's scratch registers. */
    int error(int k, int tab, int f, int[] regs, SaturationCounters sat) {
        regs[TAB] = tab;
        Code e = errors;
        for (int i = 0; i < e.length; i++) {
            if (e.source[i] != k) continue;
            regs[e.val[5 * i + 1]] = f; // b1, the slope register
            return product(e, i, regs, sat, false);
        }
        throw new IllegalArgumentException("no error step for source " + k);
    }

    /** sat((addend << addendShift + a1 b1 [+ a2 b2]) >>r shift) of step i; events are not counted when {@code quiet}. */
    private int product(Code c, int i, int[] regs, SaturationCounters sat, boolean quiet) {
        int o = 5 * i;
        long v = (long) value(c, o, regs) * value(c, o + 1, regs);
        if (c.kind[o + 2] != NONE) v += (long) value(c, o + 2, regs) * value(c, o + 3, regs);
        if (c.kind[o + 4] != NONE) v += (long) value(c, o + 4, regs) << c.addendShift[i];
        v = roundShift(v, c.shift[i]);
        if (!c.ranged[i]) return (int) v;
        if (v > c.max[i] || v < c.min[i]) {
            if (!quiet) sat.event(c.counter[i]);
            return (int) (v > c.max[i] ? c.max[i] : c.min[i]);
        }
        return (int) v;
    }

    private int value(Code c, int slot, int[] regs) {
        int v = c.val[slot];
        return switch (c.kind[slot]) {
            case REG -> regs[v];
            case CONST -> v;
            default -> one - regs[v];
        };
    }

    private int satAct(long v, SaturationCounters sat) {
        if (v > actMax || v < actMin) {
            sat.event(Counter.ACTIVATION.id());
            return (int) (v > actMax ? actMax : actMin);
        }
        return (int) v;
    }
}
