package org.infomorph.compiler.rtl;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.arch.NeuronProgram;
import org.infomorph.compiler.arch.NeuronProgram.Op;
import org.infomorph.compiler.arch.NeuronProgram.Phase;
import org.infomorph.compiler.arch.NeuronProgram.Step;

/**
 * The neuron engine's work for one lane of a slot (docs/llu-rtl.md, "Neuron engine"): the
 * layer's {@link NeuronProgram} framed by the engine's fixed operations, each with its exact
 * cycle count. The Chisel engine executes this list and the schedule ({@link RtlCycles}) sums it.
 */
public final class EngineUops {
    private EngineUops() {}

    /**
     * Cycles a product step takes beyond its products: the operand fetch, the last product into
     * the accumulator, the rounding shift and the saturation (two pipeline stages, for Fmax).
     */
    public static final int POST_CYCLES = 4;

    public enum Kind {
        /** u_k from the engine's u buffer (written by the drain) into R, C or L */
        LOAD_U,
        /** a program step with n = 1..3 products (the addend is a product with 2^addendShift): n + 3 cycles */
        PRODUCT,
        /** a program step looking the sigmoid table up */
        SIGMOID,
        /** the spike or theta to SPIKES and OUT */
        SPIKE,
        /** read source k's range exponent and max|u| */
        RANGE,
        /** source k's bin, and its max|u| written back */
        BIN,
        /** the cell's histogram read-modify-write and its table entry into TAB */
        HIST,
        /** a program step of the errors phase, then the error to the engine's error buffer */
        ERROR
    }

    /** One operation; {@code step} is the program step (PRODUCT, SIGMOID, ERROR), {@code source} the source (LOAD_U, RANGE, BIN, ERROR). */
    public record Uop(Kind kind, Step step, int source, int cycles) {}

    /** Products of a step: a1 b1, a2 b2 and the addend (times 2^addendShift). */
    public static int products(Step s) {
        return 1 + (s.hasSecondProduct() ? 1 : 0) + (s.addend() != null ? 1 : 0);
    }

    /** The work for one lane: the forward phase and the spike; on a learning last step the slopes, bins, histogram and errors. */
    public static List<Uop> of(NeuronProgram program, boolean learnLast) {
        int sources = program.kind() == org.infomorph.compiler.arch.LayerConstants.Kind.SCHNEIDER ? 3 : 2;
        List<Uop> out = new ArrayList<>();
        for (int k = 0; k < sources; k++) out.add(new Uop(Kind.LOAD_U, null, k, 2));
        for (Step s : program.phase(Phase.FORWARD)) if (s.op() != Op.INPUT) out.add(step(s));
        out.add(new Uop(Kind.SPIKE, null, -1, 1));
        if (!learnLast) return List.copyOf(out);
        for (Step s : program.phase(Phase.SLOPES)) out.add(step(s));
        for (int k = 0; k < sources; k++) {
            out.add(new Uop(Kind.RANGE, null, k, 2));
            out.add(new Uop(Kind.BIN, null, k, 2));
        }
        out.add(new Uop(Kind.HIST, null, -1, 3));
        for (Step s : program.phase(Phase.ERRORS)) out.add(new Uop(Kind.ERROR, s, s.source(), products(s) + POST_CYCLES));
        return List.copyOf(out);
    }

    private static Uop step(Step s) {
        return s.op() == Op.SIGMOID ? new Uop(Kind.SIGMOID, s, -1, 2) : new Uop(Kind.PRODUCT, s, -1, products(s) + POST_CYCLES);
    }

    /** Cycles of one lane's work. */
    public static int cycles(NeuronProgram program, boolean learnLast) {
        return of(program, learnLast).stream().mapToInt(Uop::cycles).sum();
    }
}
