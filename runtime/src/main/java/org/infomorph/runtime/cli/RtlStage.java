package org.infomorph.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.infomorph.compiler.SafeOutput;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.Image;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.lockstep.Lockstep;
import org.infomorph.runtime.array.ArrayDevice;
import org.infomorph.runtime.fpga.FpgaDevice;
import org.infomorph.runtime.fpga.SimBoard;
import org.infomorph.runtime.sim.VerilatorDevice;

/**
 * The demo's L3 and L4 steps: an image on the RTL in Verilator (L3), or on the simulated board
 * over its host link (L4), in lockstep with L2 (on-chip learning, then test batches).
 */
record RtlStage(String level, int units, Lockstep.Result result, String report) {
    /** Where the demo writes the waveform of a mismatch; checked before the demo starts ({@link #checkWaveform}). */
    static final Path WAVEFORM = Path.of("demo-mismatch.vcd");

    static void checkWaveform() {
        SafeOutput.checkFile("demo waveform", WAVEFORM, java.util.List.of(), "a waveform (VCD)", VerifyCommand.VCD_MAGIC);
    }

    static RtlStage run(Image image, DatasetSplit split, int learnBatches, int inferBatches, PrintWriter o) {
        return run("L3", image, split, learnBatches, inferBatches, o);
    }

    /** L4: the board top (UART, host link, array) in Verilator behind a pseudo-terminal, driven as a board is. */
    static RtlStage board(Image image, DatasetSplit split, int learnBatches, int inferBatches, PrintWriter o) {
        return run("L4", image, split, learnBatches, inferBatches, o);
    }

    private static RtlStage run(String level, Image image, DatasetSplit split, int learnBatches, int inferBatches, PrintWriter o) {
        int units = Images.compilation(image).mapping().units();
        boolean board = level.equals("L4");
        o.printf("%n%s: the quantised image on the Chisel RTL (%d LLUs) %s, in lockstep with L2: %d learning batch(es), then %d test batch(es)%n",
                board ? "L4 (board)" : "L3 (rtl)", units, board ? "on the simulated board (Verilator behind a pseudo-terminal, 3 Mbaud host link)" : "in Verilator",
                learnBatches, inferBatches);
        o.flush();
        List<Lockstep.Step> steps = Lockstep.steps(image, split, new Lockstep.Plan(learnBatches, inferBatches, SpikeRule.DETERMINISTIC, image.seed()));
        Lockstep.Result r;
        Path tmp = SafeOutput.temporaryFile("demo waveform", WAVEFORM);
        try {
            int samples = steps.stream().mapToInt(s -> s.input().batch()).sum();
            try (ArrayDevice hw = board ? FpgaDevice.simulated(units, SimBoard.Faults.NONE) : new VerilatorDevice(units);
                 Progress p = Progress.start(level + " lockstep", samples)) {
                var step = p.stepper();
                r = Lockstep.run(image, steps, SpikeRule.DETERMINISTIC, hw, board ? null : () -> new VerilatorDevice(units, -1, true), tmp,
                        (b, d) -> step.accept(steps.get(Math.min(b, steps.size()) - 1).input().batch()));
            }
            if (r.waveform() != null) {
                SafeOutput.moveIntoPlace(tmp, WAVEFORM);
                r = r.withWaveform(WAVEFORM);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            SafeOutput.discard(tmp);
        }
        StringWriter sw = new StringWriter();
        VerifyReport.print(new PrintWriter(sw, true), image, units, level, r, false);
        o.print(sw.toString().indent(2));
        return new RtlStage(level, units, r, sw.toString());
    }

    void print(PrintWriter o) {
        var d = result.diff();
        o.printf("ladder level %s, %d LLUs %s, lockstep with L2 on %,d samples: %d mismatches in %,d compared values%n",
                level.equals("L4") ? "L4 (board)" : "L3 (rtl)", units, level.equals("L4") ? "on the simulated board" : "in Verilator",
                result.samples(), d.mismatches(), d.compared());
    }
}
