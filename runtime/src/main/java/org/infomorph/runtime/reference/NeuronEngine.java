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
    private final Step[] forward, slopes, errors;
    private final long[][] fRange, sRange, eRange; // per step of the phase: {min, max}, or null when EXACT
    private final int[] k;
    private final SigmoidUnit sig;
    private final int one;
    private final int act;
    private final long actMin, actMax;
    private static final int TH = NeuronProgram.Reg.TH.ordinal();

    NeuronEngine(ArchConfig arch, NeuronProgram program, int[] engineConstants, SigmoidUnit sig) {
        forward = program.phase(Phase.FORWARD).toArray(Step[]::new);
        slopes = program.phase(Phase.SLOPES).toArray(Step[]::new);
        errors = program.phase(Phase.ERRORS).toArray(Step[]::new);
        this.k = engineConstants.clone();
        this.sig = sig;
        one = 1 << arch.numerics().theta().frac();
        Field a = arch.numerics().activation();
        act = a.bits();
        actMin = a.min();
        actMax = a.max();
        fRange = ranges(forward, arch);
        sRange = ranges(slopes, arch);
        eRange = ranges(errors, arch);
    }

    private static long[][] ranges(Step[] steps, ArchConfig arch) {
        long[][] r = new long[steps.length][];
        for (int i = 0; i < steps.length; i++) {
            Field f = steps[i].format().field(arch.numerics());
            r[i] = f == null ? null : new long[] {f.min(), f.max()};
        }
        return r;
    }

    /**
     * The forward phase (u_k from the 32-bit accumulators, activation, theta), then the slopes when
     * {@code withSlopes}. {@code uShift[k]} is source k's shift input.frac + weightFrac - productShift -
     * activation.frac. Returns whether the theta lookup saturated.
     */
    boolean forward(long[] acc, int[] uShift, boolean withSlopes, int[] regs, SaturationCounters sat) {
        boolean lutSat = false;
        for (int i = 0; i < forward.length; i++) {
            Step s = forward[i];
            switch (s.op()) {
                case INPUT -> regs[s.dst().ordinal()] = satAct(roundShift(acc[s.source()], uShift[s.source()]), sat);
                case SIGMOID -> {
                    int idx = sig.index(regs[s.a1().index()]);
                    regs[s.dst().ordinal()] = sig.at(idx);
                    if (s.dst().ordinal() == TH && sig.saturated(idx)) {
                        lutSat = true;
                        sat.event(Counter.THETA_LUT.id());
                    }
                }
                case PRODUCT -> regs[s.dst().ordinal()] = product(s, fRange[i], regs, sat, false);
            }
        }
        if (withSlopes)
            for (int i = 0; i < slopes.length; i++) {
                Step s = slopes[i];
                regs[s.dst().ordinal()] = s.zeroIfLutSat() && lutSat ? 0 : product(s, sRange[i], regs, sat, lutSat);
            }
        return lutSat;
    }

    /** The errors of the non-fixed sources from the table entry {@code tab} (register TAB). */
    void errors(int tab, boolean[] fixed, int[] regs, SaturationCounters sat) {
        regs[NeuronProgram.Reg.TAB.ordinal()] = tab;
        for (int i = 0; i < errors.length; i++)
            if (!fixed[errors[i].source()]) regs[errors[i].dst().ordinal()] = product(errors[i], eRange[i], regs, sat, false);
    }

    /** The error of source k from table entry {@code tab} and slope {@code f} (the ERRORS step of that source). */
    int error(int k, int tab, int f, SaturationCounters sat) {
        return error(k, tab, f, new int[NeuronProgram.Reg.values().length], sat);
    }

    /** As {@link #error(int, int, int, SaturationCounters)}, with the caller's scratch registers. */
    int error(int k, int tab, int f, int[] regs, SaturationCounters sat) {
        regs[NeuronProgram.Reg.TAB.ordinal()] = tab;
        for (int i = 0; i < errors.length; i++) {
            if (errors[i].source() != k) continue;
            regs[errors[i].b1().index()] = f;
            return product(errors[i], eRange[i], regs, sat, false);
        }
        throw new IllegalArgumentException("no error step for source " + k);
    }

    /** sat((addend << addendShift + a1 b1 [+ a2 b2]) >>r shift); events are not counted when {@code quiet}. */
    private int product(Step s, long[] r, int[] regs, SaturationCounters sat, boolean quiet) {
        long v = (long) value(s.a1(), regs) * value(s.b1(), regs);
        if (s.hasSecondProduct()) v += (long) value(s.a2(), regs) * value(s.b2(), regs);
        if (s.addend() != null) v += (long) value(s.addend(), regs) << s.addendShift();
        v = roundShift(v, s.shift());
        if (r == null) return (int) v;
        if (v > r[1] || v < r[0]) {
            if (!quiet) sat.event(s.format().counter.id());
            return (int) (v > r[1] ? r[1] : r[0]);
        }
        return (int) v;
    }

    private int value(Operand o, int[] regs) {
        return switch (o.source()) {
            case REG -> regs[o.index()];
            case CONST -> k[o.index()];
            case ONE_MINUS -> one - regs[o.index()];
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
