package org.infomorph.runtime.sim;

import java.nio.file.Path;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.RtlLayout;
import org.infomorph.runtime.array.ArrayDevice;
import org.infomorph.runtime.array.ArrayPort;
import org.infomorph.runtime.device.InputBatch;

import static org.infomorph.runtime.sim.SimRegions.*;

/**
 * Ladder level L3: the Chisel-generated LLU array in Verilator, driven through the host port
 * (docs/llu-rtl.md) by {@link ArrayDevice}, with the in-process {@link SimModel} as transport: the
 * per-sample loop runs in C, and a waveform can be written around chosen samples.
 */
public final class VerilatorDevice extends ArrayDevice {
    private final int fault;
    private final boolean tracing;
    private Path traceFile;
    private int traceFrom = -1, traceTo = -1;
    private boolean traceBoundary;

    /**
     * @param fault   -1, or the RUN index whose first spike the test-only RTL fault flips
     * @param tracing use the build with waveform support ({@link #traceNext})
     */
    public VerilatorDevice(int units, int fault, boolean tracing) {
        super(units);
        this.fault = fault;
        this.tracing = tracing;
    }

    public VerilatorDevice(int units) {
        this(units, -1, false);
    }

    /** Builds at least this large, so that many small networks share one simulation library. */
    public VerilatorDevice withCapacityFloor(Capacity c) {
        setCapacityFloor(c);
        return this;
    }

    /**
     * Writes a VCD of the next batch: samples {@code from..to} (inclusive), or its boundary.
     * Needs a tracing device.
     */
    public void traceNext(Path vcd, int from, int to, boolean boundary) {
        if (!tracing) throw new IllegalStateException("this device was not built with waveform support");
        traceFile = vcd;
        traceFrom = from;
        traceTo = to;
        traceBoundary = boundary;
    }

    @Override
    public String level() {
        return "rtl";
    }

    public SimModel model() {
        return (SimModel) port();
    }

    @Override
    protected GeneratorParams params(Image img, RtlLayout l) {
        return super.params(img, l).withFault(fault);
    }

    @Override
    protected ArrayPort open(GeneratorParams p, ArrayPort current, GeneratorParams previous) {
        if (current != null && p.equals(previous)) {
            current.reset();
            return current;
        }
        if (current != null) current.close();
        return SimModel.open(p, tracing);
    }

    @Override
    protected void beforeBoundary() {
        if (traceBoundary) model().trace(traceFile, true);
    }

    @Override
    protected void afterBoundary() {
        if (traceBoundary) {
            model().trace(traceFile, false);
            traceBoundary = false;
        }
    }

    @Override
    protected void runBatch(InputBatch in, long arg, int words, long[] out, long[] cycles) {
        if (traceFrom < 0) {
            super.runBatch(in, arg, words, out, cycles);
            return;
        }
        // the per-sample loop from Java, with the waveform on for the chosen samples
        SimModel sim = model();
        for (int b = 0; b < in.batch(); b++) {
            if (b == traceFrom) sim.trace(traceFile, true);
            writeSample(in, b);
            cycles[b] = sim.command(OP_RUN, arg | (long) b << RUN_SAMPLE_SHIFT);
            System.arraycopy(sim.read(OUT, 0, 0, words), 0, out, b * words, words);
            if (b == traceTo) sim.trace(traceFile, false);
        }
        traceFrom = traceTo = -1;
    }
}
